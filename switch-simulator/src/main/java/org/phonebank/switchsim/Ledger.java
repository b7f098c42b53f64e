// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.phonebank.account.AccountNumber;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.money.Rials;

/**
 * The simulator's core banking: accounts read from CSV lines {@code
 * card,PIN,balance,holder[,account,holder in Persian,daily limit,per-transaction limit]} ({@code #}
 * starts a comment), and what happens to them. Every posting is kept under its transaction key
 * (terminal, STAN, RRN), so a repeated request is not posted twice and a reversal undoes its
 * posting exactly once. The built-in {@value #DEMO_RESOURCE} holds synthetic cards only.
 */
public final class Ledger {

  static final String DEMO_RESOURCE = "demo-accounts.csv";
  private static final Rials DEFAULT_DAILY_LIMIT = Rials.of(500_000_000);
  private static final Rials DEFAULT_PER_TRANSACTION_LIMIT = Rials.of(200_000_000);
  private static final int STATEMENT_LINES = 5;

  private final Map<String, DemoAccount> byCard;
  private final Map<String, DemoAccount> byAccount = new HashMap<>();
  private final Map<String, Long> balances = new HashMap<>();
  private final Map<String, List<Posting>> postings = new HashMap<>();
  private final Map<String, TelephonePin> pins = new HashMap<>();
  private final Map<String, Long> spentToday = new HashMap<>();
  private final Set<String> hotCards = new HashSet<>();
  private final Map<String, Movement> movements = new HashMap<>();
  private final Set<String> reversedBeforePosting = new HashSet<>();

  /**
   * One line on an account: the day, the signed amount (negative = debit), and the transaction it
   * belongs to.
   */
  record Posting(LocalDate day, long amount, String key) {}

  /**
   * One posted money movement, by transaction key; {@code to} is null when the money left the bank.
   */
  private record Movement(String card, String from, String to, long amount, LocalDate day) {}

  private Ledger(Map<String, DemoAccount> byCard) {
    this.byCard = Collections.unmodifiableMap(byCard);
    for (DemoAccount a : byCard.values()) {
      byAccount.put(a.account().digits(), a);
      balances.put(a.account().digits(), a.available().value());
      postings.put(a.account().digits(), new ArrayList<>());
      pins.put(a.card().digits(), a.pin());
    }
  }

  /** The built-in demo accounts. */
  public static Ledger demo() {
    InputStream in = Ledger.class.getResourceAsStream(DEMO_RESOURCE);
    if (in == null) {
      throw new IllegalStateException("Missing resource " + DEMO_RESOURCE + ".");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(reader, DEMO_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Ledger load(Path csv) {
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      return parse(reader, csv.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read ledger " + csv + ".", e);
    }
  }

  static Ledger parse(Reader source, String name) throws IOException {
    Map<String, DemoAccount> accounts = new LinkedHashMap<>();
    Set<String> accountNumbers = new HashSet<>();
    BufferedReader lines = new BufferedReader(source);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] cells = trimmed.split(",", -1);
      if (cells.length != 4 && cells.length != 8) {
        throw new IllegalArgumentException(
            name
                + " line "
                + number
                + ": expected card,PIN,balance,holder[,account,holder in Persian,daily limit,per-transaction limit].");
      }
      try {
        DemoAccount account = account(cells);
        if (accounts.putIfAbsent(account.card().digits(), account) != null) {
          throw new IllegalArgumentException("card " + account.card().masked() + " appears twice");
        }
        if (!accountNumbers.add(account.account().digits())) {
          throw new IllegalArgumentException("account " + account.account() + " appears twice");
        }
      } catch (IllegalArgumentException e) {
        // Messages of the value types never quote the digits, so this is safe to show.
        throw new IllegalArgumentException(name + " line " + number + ": " + e.getMessage(), e);
      }
    }
    return new Ledger(accounts);
  }

  private static DemoAccount account(String[] cells) {
    CardNumber card = new CardNumber(cells[0].strip());
    char[] pinDigits = cells[1].strip().toCharArray();
    TelephonePin pin = TelephonePin.of(pinDigits);
    Arrays.fill(pinDigits, '\0');
    Rials balance = Rials.of(Long.parseLong(cells[2].strip()));
    String holder = cells[3].strip();
    if (cells.length == 4) {
      // Short rows (older ledgers): the account number is the card's last ten digits, default
      // limits.
      return new DemoAccount(
          card,
          pin,
          balance,
          holder,
          new AccountNumber(card.digits().substring(6)),
          holder,
          DEFAULT_DAILY_LIMIT,
          DEFAULT_PER_TRANSACTION_LIMIT);
    }
    return new DemoAccount(
        card,
        pin,
        balance,
        holder,
        new AccountNumber(cells[4].strip()),
        cells[5].strip(),
        Rials.of(Long.parseLong(cells[6].strip())),
        Rials.of(Long.parseLong(cells[7].strip())));
  }

  /**
   * The account behind a card number as it came on the wire; empty for unknown or malformed
   * numbers.
   */
  public Optional<DemoAccount> account(String pan) {
    return Optional.ofNullable(pan == null ? null : byCard.get(pan));
  }

  public Optional<DemoAccount> account(CardNumber card) {
    return account(card.digits());
  }

  public Optional<DemoAccount> accountByNumber(String accountNumber) {
    return Optional.ofNullable(accountNumber == null ? null : byAccount.get(accountNumber));
  }

  public List<DemoAccount> accounts() {
    return new ArrayList<>(byCard.values());
  }

  /** The balance now of the account behind {@code card}. */
  public synchronized Rials balance(CardNumber card) {
    DemoAccount a = byCard.get(card.digits());
    if (a == null) {
      throw new IllegalArgumentException("No account for card " + card.masked() + ".");
    }
    return Rials.of(balances.get(a.account().digits()));
  }

  synchronized Rials balanceOf(DemoAccount account) {
    return Rials.of(balances.get(account.account().digits()));
  }

  /** The current telephone PIN of a card (PIN changes replace it). */
  synchronized TelephonePin pin(DemoAccount account) {
    return pins.get(account.card().digits());
  }

  synchronized void changePin(DemoAccount account, char[] newDigits) {
    TelephonePin old = pins.put(account.card().digits(), TelephonePin.of(newDigits));
    if (old != null && old != account.pin()) {
      old.close();
    }
  }

  synchronized boolean isHot(String pan) {
    return hotCards.contains(pan);
  }

  synchronized void block(DemoAccount account) {
    hotCards.add(account.card().digits());
  }

  /** True when a posting exists for {@code key} (whether or not it was reversed since). */
  synchronized boolean isPosted(String key) {
    return movements.containsKey(key);
  }

  /**
   * True when a reversal for {@code key} came before anything was posted: a late original must not
   * post.
   */
  synchronized boolean wasReversedBeforePosting(String key) {
    return reversedBeforePosting.contains(key);
  }

  /** The card's approved debits today, for its daily limit. */
  synchronized Rials spentToday(DemoAccount account, LocalDate today) {
    return Rials.of(spentToday.getOrDefault(account.card().digits() + "|" + today, 0L));
  }

  /**
   * Debits {@code from} and credits {@code to} (null: the money leaves the bank) under {@code key},
   * once: a key already posted changes nothing and returns false.
   */
  synchronized boolean post(
      String key, DemoAccount from, DemoAccount to, Rials amount, LocalDate day) {
    if (movements.containsKey(key) || reversedBeforePosting.contains(key)) {
      return false;
    }
    String fromAccount = from.account().digits();
    String toAccount = to == null ? null : to.account().digits();
    movements.put(
        key, new Movement(from.card().digits(), fromAccount, toAccount, amount.value(), day));
    apply(fromAccount, -amount.value(), day, key);
    if (toAccount != null) {
      apply(toAccount, amount.value(), day, key);
    }
    spentToday.merge(from.card().digits() + "|" + day, amount.value(), Long::sum);
    return true;
  }

  /**
   * Undoes the posting under {@code key}, once. A key never posted is remembered, so its original
   * (if it comes late) is not posted either. Returns true when money moved back.
   */
  synchronized boolean reverse(String key, LocalDate day) {
    Movement m = movements.get(key);
    if (m == null) {
      reversedBeforePosting.add(key);
      return false;
    }
    if (m.amount() == 0) {
      return false;
    }
    apply(m.from(), m.amount(), day, key + "|R");
    if (m.to() != null) {
      apply(m.to(), -m.amount(), day, key + "|R");
    }
    spentToday.merge(m.card() + "|" + m.day(), -m.amount(), Long::sum);
    movements.put(key, new Movement(m.card(), m.from(), m.to(), 0, m.day()));
    return true;
  }

  /** The last five postings on the account, newest first. */
  synchronized List<Posting> statement(DemoAccount account) {
    List<Posting> all = postings.get(account.account().digits());
    List<Posting> last =
        new ArrayList<>(all.subList(Math.max(0, all.size() - STATEMENT_LINES), all.size()));
    Collections.reverse(last);
    return last;
  }

  private void apply(String account, long delta, LocalDate day, String key) {
    balances.merge(account, delta, Long::sum);
    postings.get(account).add(new Posting(day, delta, key));
  }

  @Override
  public String toString() {
    return "Ledger[" + byCard.size() + " accounts]";
  }
}
