// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;
import org.phonebank.prompt.Phrase;
import org.phonebank.settings.SettingsReader;

/**
 * Every tunable of the call flows with its default, keyed {@code phonebank.ivr.*}. "Tries" count
 * the caller's attempts at one question, the first included: with 3, the third mistake ends the
 * call.
 *
 * @param menuTries attempts at the language menu ({@code phonebank.ivr.menu-tries}, 3)
 * @param menuTimeout wait for a menu key ({@code phonebank.ivr.menu-timeout-ms}, 5 s)
 * @param cardTries attempts at the card number, an unknown card included ({@code
 *     phonebank.ivr.card-tries}, 3)
 * @param cardTimeout wait for the card number ({@code phonebank.ivr.card-timeout-ms}, 15 s)
 * @param cardMaxKeys keys collected for a card, more than 16 so a long entry is told apart from a
 *     short one ({@code phonebank.ivr.card-max-keys}, 17)
 * @param pinEntryTries attempts to key a PIN of the right shape ({@code
 *     phonebank.ivr.pin-entry-tries}, 3)
 * @param wrongPinTries consecutive wrong PINs, counted across calls, that lock the card for the
 *     phone channel until an officer unlocks it ({@code phonebank.ivr.wrong-pin-tries}, 3)
 * @param pinTimeout wait for the PIN ({@code phonebank.ivr.pin-timeout-ms}, 10 s)
 * @param pinMinDigits shortest PIN accepted ({@code phonebank.ivr.pin-min-digits}, 4)
 * @param pinMaxDigits longest PIN accepted ({@code phonebank.ivr.pin-max-digits}, 4); the recorded
 *     prompts say "four digits", so re-record them before changing the PIN length
 * @param entryTries attempts at any other question: menus after the language, account, amount, bill
 *     ids, new PIN ({@code phonebank.ivr.entry-tries}, 3)
 * @param entryTimeout wait for a long entry (account, amount, bill ids) ({@code
 *     phonebank.ivr.entry-timeout-ms}, 15 s)
 * @param officerExtension dialplan extension that reaches an officer, run with FreeSWITCH's {@code
 *     transfer} ({@code phonebank.ivr.officer-extension}, officers)
 * @param transferLimit most one transfer may move ({@code phonebank.ivr.transfer-limit-rials},
 *     100,000,000)
 * @param dailyTransferLimit most the transfers of one card may move in a business day on the phone
 *     channel ({@code phonebank.ivr.daily-transfer-limit-rials}, 200,000,000)
 * @param dailyBillLimit most the bill payments of one card may move in a business day on the phone
 *     channel ({@code phonebank.ivr.daily-bill-limit-rials}, 100,000,000)
 *     <p>Every rial limit is from 1 to 999,999,999,999: an amount goes into ISO 8583 field 4,
 *     twelve digits. What counts against a daily limit is the journal's rule ({@link
 *     org.phonebank.journal.Journal#usedToday}), reserved atomically when the movement is sent.
 */
public record IvrSettings(
    int menuTries,
    Duration menuTimeout,
    int cardTries,
    Duration cardTimeout,
    int cardMaxKeys,
    int pinEntryTries,
    int wrongPinTries,
    Duration pinTimeout,
    int pinMinDigits,
    int pinMaxDigits,
    int entryTries,
    Duration entryTimeout,
    String officerExtension,
    Rials transferLimit,
    Rials dailyTransferLimit,
    Rials dailyBillLimit) {

  /** The most an ISO 8583 amount (field 4, n12, whole rials) can state. */
  public static final Rials LARGEST_AMOUNT = Rials.ISO_8583_LARGEST;

  private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9_.+-]{1,64}");

  public IvrSettings {
    atLeastOne(menuTries, "Menu tries");
    atLeastOne(cardTries, "Card tries");
    atLeastOne(pinEntryTries, "PIN entry tries");
    atLeastOne(wrongPinTries, "Wrong PIN tries");
    atLeastOneSecond(menuTimeout, "Menu timeout");
    atLeastOneSecond(cardTimeout, "Card timeout");
    atLeastOneSecond(pinTimeout, "PIN timeout");
    atLeastOne(entryTries, "Entry tries");
    atLeastOneSecond(entryTimeout, "Entry timeout");
    Objects.requireNonNull(officerExtension, "Officer extension is required.");
    if (!EXTENSION.matcher(officerExtension).matches()) {
      // It becomes an application argument, which FreeSWITCH splits on spaces.
      throw new IllegalArgumentException(
          "Officer extension may hold only letters, digits and _ . + -: " + officerExtension);
    }
    Objects.requireNonNull(transferLimit, "Transfer limit is required.");
    rialLimit(transferLimit, "phonebank.ivr.transfer-limit-rials");
    rialLimit(dailyTransferLimit, "phonebank.ivr.daily-transfer-limit-rials");
    rialLimit(dailyBillLimit, "phonebank.ivr.daily-bill-limit-rials");
    if (cardMaxKeys < CardNumber.LENGTH || cardMaxKeys > 128) {
      throw new IllegalArgumentException("Card max keys must be between 16 and 128.");
    }
    if (pinMinDigits < TelephonePin.MIN_LENGTH
        || pinMaxDigits > TelephonePin.MAX_LENGTH
        || pinMinDigits > pinMaxDigits) {
      throw new IllegalArgumentException("PIN digits must satisfy 4 <= min <= max <= 12.");
    }
  }

  public static IvrSettings defaults() {
    return from(key -> Optional.empty());
  }

  /** Reads every key through {@code lookup} (in Payara: MicroProfile Config's getOptionalValue). */
  public static IvrSettings from(Function<String, Optional<String>> lookup) {
    SettingsReader keys = new SettingsReader(lookup);
    return new IvrSettings(
        keys.number("phonebank.ivr.menu-tries", 3),
        keys.millis("phonebank.ivr.menu-timeout-ms", Duration.ofMillis(5_000)),
        keys.number("phonebank.ivr.card-tries", 3),
        keys.millis("phonebank.ivr.card-timeout-ms", Duration.ofMillis(15_000)),
        keys.number("phonebank.ivr.card-max-keys", 17),
        keys.number("phonebank.ivr.pin-entry-tries", 3),
        keys.number("phonebank.ivr.wrong-pin-tries", 3),
        keys.millis("phonebank.ivr.pin-timeout-ms", Duration.ofMillis(10_000)),
        keys.number("phonebank.ivr.pin-min-digits", 4),
        keys.number("phonebank.ivr.pin-max-digits", 4),
        keys.number("phonebank.ivr.entry-tries", 3),
        keys.millis("phonebank.ivr.entry-timeout-ms", Duration.ofMillis(15_000)),
        keys.text("phonebank.ivr.officer-extension", "officers"),
        Rials.of(keys.wholeNumber("phonebank.ivr.transfer-limit-rials", 100_000_000L)),
        Rials.of(keys.wholeNumber("phonebank.ivr.daily-transfer-limit-rials", 200_000_000L)),
        Rials.of(keys.wholeNumber("phonebank.ivr.daily-bill-limit-rials", 100_000_000L)));
  }

  /** The daily transfer limit, with the sentence a caller over it hears. */
  public DailyLimit dailyTransfers() {
    return new DailyLimit(
        TransactionType.TRANSFER, dailyTransferLimit, Phrase.AMOUNT_OVER_DAILY_LIMIT);
  }

  /** The daily bill-payment limit, with the sentence a caller over it hears. */
  public DailyLimit dailyBills() {
    return new DailyLimit(
        TransactionType.BILL_PAYMENT, dailyBillLimit, Phrase.BILL_OVER_DAILY_LIMIT);
  }

  private static void rialLimit(Rials limit, String key) {
    Objects.requireNonNull(limit, "Setting " + key + " is required.");
    // A limit above the largest amount would let through an amount no switch message can carry.
    if (!limit.isPositive() || limit.compareTo(LARGEST_AMOUNT) > 0) {
      throw new IllegalArgumentException(
          "Setting "
              + key
              + " must be from 1 to 999,999,999,999 rials, the 12 digits a switch message's"
              + " amount holds.");
    }
  }

  private static void atLeastOne(int tries, String what) {
    if (tries < 1) {
      throw new IllegalArgumentException(what + " must be at least 1.");
    }
  }

  private static void atLeastOneSecond(Duration timeout, String what) {
    Objects.requireNonNull(timeout, what + " is required.");
    if (timeout.toMillis() < 1000) {
      throw new IllegalArgumentException(what + " must be at least one second.");
    }
  }
}
