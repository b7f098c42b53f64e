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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.money.Rials;

/**
 * The simulator's accounts, read from CSV lines {@code card,PIN,available rials,holder} ({@code #} starts a
 * comment). The built-in {@value #DEMO_RESOURCE} holds synthetic cards only.
 */
public final class Ledger {

  static final String DEMO_RESOURCE = "demo-accounts.csv";

  private final Map<String, DemoAccount> byCard;

  private Ledger(Map<String, DemoAccount> byCard) {
    this.byCard = Collections.unmodifiableMap(byCard);
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
    BufferedReader lines = new BufferedReader(source);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] cells = trimmed.split(",", 4);
      if (cells.length != 4) {
        throw new IllegalArgumentException(name + " line " + number + ": expected card,PIN,balance,holder.");
      }
      try {
        CardNumber card = new CardNumber(cells[0].strip());
        char[] pinDigits = cells[1].strip().toCharArray();
        TelephonePin pin = TelephonePin.of(pinDigits);
        Arrays.fill(pinDigits, '\0');
        DemoAccount account =
            new DemoAccount(card, pin, Rials.of(Long.parseLong(cells[2].strip())), cells[3].strip());
        if (accounts.putIfAbsent(card.digits(), account) != null) {
          throw new IllegalArgumentException("card " + card.masked() + " appears twice");
        }
      } catch (IllegalArgumentException e) {
        // Messages of the value types never quote the digits, so this is safe to show.
        throw new IllegalArgumentException(name + " line " + number + ": " + e.getMessage(), e);
      }
    }
    return new Ledger(accounts);
  }

  /** The account behind a card number as it came on the wire; empty for unknown or malformed numbers. */
  public Optional<DemoAccount> account(String pan) {
    return Optional.ofNullable(pan == null ? null : byCard.get(pan));
  }

  public Optional<DemoAccount> account(CardNumber card) {
    return account(card.digits());
  }

  public List<DemoAccount> accounts() {
    return new ArrayList<>(byCard.values());
  }

  @Override
  public String toString() {
    return "Ledger[" + byCard.size() + " accounts]";
  }
}
