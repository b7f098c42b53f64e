// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phonebank.money.Rials;

class IvrSettingsTest {

  @Test
  void defaultsAreThreeTriesAndTheUsualTimeouts() {
    IvrSettings settings = IvrSettings.defaults();
    assertEquals(3, settings.menuTries());
    assertEquals(3, settings.cardTries());
    assertEquals(3, settings.pinEntryTries());
    assertEquals(3, settings.wrongPinTries());
    assertEquals(Duration.ofSeconds(5), settings.menuTimeout());
    assertEquals(Duration.ofSeconds(15), settings.cardTimeout());
    assertEquals(Duration.ofSeconds(10), settings.pinTimeout());
    assertEquals(17, settings.cardMaxKeys());
    assertEquals(4, settings.pinMinDigits());
    assertEquals(4, settings.pinMaxDigits());
    assertEquals(3, settings.entryTries());
    assertEquals(Duration.ofSeconds(15), settings.entryTimeout());
    assertEquals("officers", settings.officerExtension());
    assertEquals(Rials.of(100_000_000), settings.transferLimit());
    assertEquals(Rials.of(200_000_000), settings.dailyTransferLimit());
    assertEquals(Rials.of(100_000_000), settings.dailyBillLimit());
  }

  @Test
  void transferLimitsAndTheOfficerExtensionAreRead() {
    Map<String, String> config =
        Map.of(
            "phonebank.ivr.transfer-limit-rials", "5000000000",
            "phonebank.ivr.daily-transfer-limit-rials", "9000000000",
            "phonebank.ivr.officer-extension", "officers-fa");
    IvrSettings settings = IvrSettings.from(key -> Optional.ofNullable(config.get(key)));
    assertEquals(Rials.of(5_000_000_000L), settings.transferLimit());
    assertEquals(Rials.of(9_000_000_000L), settings.dailyTransferLimit());
    assertEquals("officers-fa", settings.officerExtension());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            IvrSettings.from(
                key ->
                    key.equals("phonebank.ivr.officer-extension")
                        ? Optional.of("officers queue")
                        : Optional.empty()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            IvrSettings.from(
                key ->
                    key.equals("phonebank.ivr.transfer-limit-rials")
                        ? Optional.of("0")
                        : Optional.empty()));
  }

  @Test
  void aLimitAboveTheTwelveDigitsASwitchAmountHoldsIsRefused() {
    for (String key :
        new String[] {
          "phonebank.ivr.transfer-limit-rials",
          "phonebank.ivr.daily-transfer-limit-rials",
          "phonebank.ivr.daily-bill-limit-rials"
        }) {
      IllegalArgumentException refused =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  IvrSettings.from(
                      asked ->
                          asked.equals(key) ? Optional.of("1000000000000") : Optional.empty()));
      assertTrue(refused.getMessage().contains("999,999,999,999"), refused.getMessage());
      assertTrue(refused.getMessage().contains(key), refused.getMessage());
    }
    IvrSettings largest =
        IvrSettings.from(
            key ->
                key.startsWith("phonebank.ivr.") && key.endsWith("limit-rials")
                    ? Optional.of("999999999999")
                    : Optional.empty());
    assertEquals(IvrSettings.LARGEST_AMOUNT, largest.dailyTransferLimit());
    assertEquals(IvrSettings.LARGEST_AMOUNT, largest.dailyBillLimit());
  }

  @Test
  void keysOverrideTheirDefaults() {
    Map<String, String> config =
        Map.of("phonebank.ivr.card-tries", "5", "phonebank.ivr.pin-timeout-ms", " 20000 ");
    IvrSettings settings = IvrSettings.from(key -> Optional.ofNullable(config.get(key)));
    assertEquals(5, settings.cardTries());
    assertEquals(Duration.ofSeconds(20), settings.pinTimeout());
    assertEquals(3, settings.menuTries());
  }

  @Test
  void nonsenseSettingsAreRejectedWithTheKeyNamed() {
    IllegalArgumentException notANumber =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                IvrSettings.from(
                    key ->
                        key.equals("phonebank.ivr.menu-tries")
                            ? Optional.of("three")
                            : Optional.empty()));
    assertTrue(notANumber.getMessage().contains("phonebank.ivr.menu-tries"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            IvrSettings.from(
                key ->
                    key.equals("phonebank.ivr.card-max-keys")
                        ? Optional.of("15")
                        : Optional.empty()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            IvrSettings.from(
                key ->
                    key.equals("phonebank.ivr.menu-timeout-ms")
                        ? Optional.of("500")
                        : Optional.empty()));
  }
}
