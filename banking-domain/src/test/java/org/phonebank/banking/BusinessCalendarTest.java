// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
  private final BusinessCalendar calendar = new BusinessCalendar(TEHRAN, LocalTime.of(23, 0));

  @Test
  void aRequestAfterTheCutOverBelongsToTheNextBusinessDate() {
    // 23:30 Tehran on 5 May 2026 (UTC+03:30): after the 23:00 cut-over.
    assertEquals(
        LocalDate.of(2026, 5, 6), calendar.businessDateOf(Instant.parse("2026-05-05T20:00:00Z")));
  }

  @Test
  void aRequestJustBeforeTheCutOverStaysOnItsLocalDate() {
    // 22:59:59 Tehran.
    assertEquals(
        LocalDate.of(2026, 5, 5), calendar.businessDateOf(Instant.parse("2026-05-05T19:29:59Z")));
  }

  @Test
  void theBusinessDayIsCountedInTehranNotUtc() {
    // 01:00 Tehran on 6 May is still 5 May in UTC.
    assertEquals(
        LocalDate.of(2026, 5, 6), calendar.businessDateOf(Instant.parse("2026-05-05T21:30:00Z")));
  }

  @Test
  void aDayOpensAtThePreviousCutOverAndClosesAtItsOwn() {
    LocalDate day = LocalDate.of(2026, 5, 6);
    assertEquals(Instant.parse("2026-05-05T19:30:00Z"), calendar.openOf(day));
    assertEquals(Instant.parse("2026-05-06T19:30:00Z"), calendar.closeOf(day));
    assertEquals(day, calendar.businessDateOf(calendar.openOf(day)));
    assertEquals(day.plusDays(1), calendar.businessDateOf(calendar.closeOf(day)));
  }

  @Test
  void aMidnightCutOverIsThePlainLocalDate() {
    BusinessCalendar midnight = new BusinessCalendar(TEHRAN, LocalTime.MIDNIGHT);
    LocalDate day = LocalDate.of(2026, 5, 6);
    assertEquals(day, midnight.businessDateOf(Instant.parse("2026-05-05T20:30:00Z")));
    assertEquals(Instant.parse("2026-05-06T20:30:00Z"), midnight.closeOf(day));
  }
}
