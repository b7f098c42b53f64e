// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SolarHijriTest {

  @Test
  void nowruzIsTheFirstOfFarvardin() {
    assertEquals("1405-01-01", SolarHijri.format(LocalDate.of(2026, 3, 21)));
    assertEquals(LocalDate.of(2026, 3, 21), SolarHijri.parse("1405-01-01"));
  }

  @Test
  void theLastDayOfALeapYearExists() {
    // 1403 is a leap year: Esfand has 30 days, the 30th was 20 March 2025.
    assertEquals(LocalDate.of(2025, 3, 20), SolarHijri.parse("1403-12-30"));
    assertEquals("1403-12-30", SolarHijri.format(LocalDate.of(2025, 3, 20)));
  }

  @Test
  void esfandThirtiethOfACommonYearIsRefusedWithTheReason() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> SolarHijri.parse("1404-12-30"));

    assertTrue(refused.getMessage().contains("1404 is not a leap year"), refused.getMessage());
  }

  @Test
  void aThirtyFirstInTheSecondHalfOfTheYearIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> SolarHijri.parse("1404-07-31"));
    assertThrows(IllegalArgumentException.class, () -> SolarHijri.parse("1404-13-01"));
    assertThrows(IllegalArgumentException.class, () -> SolarHijri.parse("1404-00-10"));
  }

  @Test
  void persianDigitsAndOtherShapesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> SolarHijri.parse("۱۴۰۴-۰۱-۰۱"));
    assertThrows(IllegalArgumentException.class, () -> SolarHijri.parse("1404/01/01"));
  }

  @Test
  void everyDayOfSeveralYearsRoundTrips() {
    for (LocalDate day = LocalDate.of(2023, 1, 1);
        day.isBefore(LocalDate.of(2027, 1, 1));
        day = day.plusDays(1)) {
      assertEquals(day, SolarHijri.parse(SolarHijri.format(day)), day::toString);
    }
  }
}
