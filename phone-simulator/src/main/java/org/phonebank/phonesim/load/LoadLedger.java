// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim.load;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.phonebank.card.CardNumber;

/**
 * A ledger of many synthetic cards for the bank-switch simulator's {@code --accounts}, so that each
 * caller of a load run keys a card of its own: with one card, every call queues on that card's
 * lockout row and at most {@code phonebank.ivr.wrong-pin-tries} PIN checks are in flight at once.
 * The cards carry the demo cards' BIN {@value #BIN} with a nine-digit serial from {@value
 * #FIRST_SERIAL} (the demo cards' serials are below it) and a Luhn check digit; each has a
 * four-digit PIN and a balance drawn from a seeded generator, so the same count and seed give the
 * same ledger. Rows are the ledger's short form {@code card,PIN,balance,holder}: the account number
 * is the card's last ten digits, distinct as the serials are.
 *
 * <pre>
 * java -cp "phone-simulator/target/phone-simulator-0.1.0-SNAPSHOT.jar:phone-simulator/target/lib/*" \
 *     org.phonebank.phonesim.load.LoadLedger --cards 1000 --out .state/load-ledger.csv
 * </pre>
 */
public final class LoadLedger {

  /** The issuer identification number of the demo cards (6037 99: Bank Melli Iran). */
  static final String BIN = "603799";

  static final int FIRST_SERIAL = 900_000_000;
  static final int MAX_CARDS = 1_000_000;
  static final long DEFAULT_SEED = 15;

  private static final String USAGE =
      "usage: LoadLedger --cards <1.." + MAX_CARDS + "> --out <csv> [--seed " + DEFAULT_SEED + "]";

  /** One generated card; the PIN is synthetic test data, written to the ledger as it is. */
  record Card(CardNumber number, String pin, long balance) {}

  private LoadLedger() {}

  /** {@code count} distinct Luhn-valid cards, the same ones for the same count and seed. */
  static List<Card> generate(int count, long seed) {
    if (count < 1 || count > MAX_CARDS) {
      throw new IllegalArgumentException("The number of cards must be 1 to " + MAX_CARDS + ".");
    }
    Random random = new Random(seed);
    List<Card> cards = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String body = BIN + (FIRST_SERIAL + i);
      CardNumber number = new CardNumber(body + CardNumber.checkDigit(body));
      String pin = String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
      long balance = 1_000_000L + random.nextInt(1_000_000) * 1_000L;
      cards.add(new Card(number, pin, balance));
    }
    return cards;
  }

  /** The ledger as the switch simulator reads it (switch-simulator's {@code Ledger}). */
  static void write(List<Card> cards, Writer out) throws IOException {
    out.write(
        "# Synthetic load-test ledger (phone-simulator LoadLedger): card,PIN,balance,holder\n");
    for (int i = 0; i < cards.size(); i++) {
      Card card = cards.get(i);
      out.write(
          String.format(
              Locale.ROOT,
              "%s,%s,%d,Load caller %d%n",
              card.number().digits(),
              card.pin(),
              card.balance(),
              i + 1));
    }
  }

  public static void main(String[] args) throws IOException {
    int count = 0;
    Path out = null;
    long seed = DEFAULT_SEED;
    try {
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("Option " + args[i] + " needs a value.");
        }
        switch (args[i]) {
          case "--cards" -> count = Integer.parseInt(args[i + 1]);
          case "--out" -> out = Path.of(args[i + 1]);
          case "--seed" -> seed = Long.parseLong(args[i + 1]);
          default -> throw new IllegalArgumentException("Unknown option " + args[i] + ".");
        }
      }
      if (out == null) {
        throw new IllegalArgumentException("--out is required.");
      }
      List<Card> cards = generate(count, seed);
      try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        write(cards, writer);
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(64);
    }
  }
}
