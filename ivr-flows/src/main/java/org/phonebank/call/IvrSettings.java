// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;

/**
 * Every tunable of the call flows with its default, keyed {@code phonebank.ivr.*}. "Tries" count the
 * caller's attempts at one question, the first included: with 3, the third mistake ends the call.
 *
 * @param menuTries attempts at the language menu ({@code phonebank.ivr.menu-tries}, 3)
 * @param menuTimeout wait for a menu key ({@code phonebank.ivr.menu-timeout-ms}, 5 s)
 * @param cardTries attempts at the card number, an unknown card included ({@code phonebank.ivr.card-tries}, 3)
 * @param cardTimeout wait for the card number ({@code phonebank.ivr.card-timeout-ms}, 15 s)
 * @param cardMaxKeys keys collected for a card, more than 16 so a long entry is told apart from a short one
 *     ({@code phonebank.ivr.card-max-keys}, 17)
 * @param pinEntryTries attempts to key a PIN of the right shape ({@code phonebank.ivr.pin-entry-tries}, 3)
 * @param wrongPinTries PINs the switch may reject as incorrect before the call ends
 *     ({@code phonebank.ivr.wrong-pin-tries}, 3)
 * @param pinTimeout wait for the PIN ({@code phonebank.ivr.pin-timeout-ms}, 10 s)
 * @param pinMinDigits shortest PIN accepted ({@code phonebank.ivr.pin-min-digits}, 4)
 * @param pinMaxDigits longest PIN accepted ({@code phonebank.ivr.pin-max-digits}, 4); the recorded prompts
 *     say "four digits", so re-record them before changing the PIN length
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
    int pinMaxDigits) {

  public IvrSettings {
    atLeastOne(menuTries, "Menu tries");
    atLeastOne(cardTries, "Card tries");
    atLeastOne(pinEntryTries, "PIN entry tries");
    atLeastOne(wrongPinTries, "Wrong PIN tries");
    atLeastOneSecond(menuTimeout, "Menu timeout");
    atLeastOneSecond(cardTimeout, "Card timeout");
    atLeastOneSecond(pinTimeout, "PIN timeout");
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
    Keys keys = new Keys(lookup);
    return new IvrSettings(
        keys.number("phonebank.ivr.menu-tries", 3),
        Duration.ofMillis(keys.number("phonebank.ivr.menu-timeout-ms", 5_000)),
        keys.number("phonebank.ivr.card-tries", 3),
        Duration.ofMillis(keys.number("phonebank.ivr.card-timeout-ms", 15_000)),
        keys.number("phonebank.ivr.card-max-keys", 17),
        keys.number("phonebank.ivr.pin-entry-tries", 3),
        keys.number("phonebank.ivr.wrong-pin-tries", 3),
        Duration.ofMillis(keys.number("phonebank.ivr.pin-timeout-ms", 10_000)),
        keys.number("phonebank.ivr.pin-min-digits", 4),
        keys.number("phonebank.ivr.pin-max-digits", 4));
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

  private record Keys(Function<String, Optional<String>> lookup) {

    int number(String key, int defaultValue) {
      String value =
          lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
      if (value == null) {
        return defaultValue;
      }
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Setting " + key + " must be a whole number, was '" + value + "'.");
      }
    }
  }
}
