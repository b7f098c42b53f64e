// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The switch's business day: it closes at {@code cutOver} in the bank's {@code zone}, not at
 * midnight. Business date D covers the local times from D−1 at the cut-over (inclusive) to D at the
 * cut-over (exclusive); with a cut-over of 00:00 it is the plain local date. This is the date the
 * switch puts in field 15 of its answers and at the head of its settlement file (DOMAIN §4).
 */
public record BusinessCalendar(ZoneId zone, LocalTime cutOver) {

  public BusinessCalendar {
    Objects.requireNonNull(zone, "Bank time zone is required.");
    Objects.requireNonNull(cutOver, "Cut-over time is required.");
  }

  /** The business date {@code moment} belongs to. */
  public LocalDate businessDateOf(Instant moment) {
    ZonedDateTime local = moment.atZone(zone);
    LocalDate date = local.toLocalDate();
    boolean afterCutOver =
        !cutOver.equals(LocalTime.MIDNIGHT) && !local.toLocalTime().isBefore(cutOver);
    return afterCutOver ? date.plusDays(1) : date;
  }

  /** When business date {@code date} closes: its cut-over, as an instant. */
  public Instant closeOf(LocalDate date) {
    LocalDate closingDay = cutOver.equals(LocalTime.MIDNIGHT) ? date.plusDays(1) : date;
    return closingDay.atTime(cutOver).atZone(zone).toInstant();
  }

  /** When business date {@code date} opens: the close of the day before. */
  public Instant openOf(LocalDate date) {
    return closeOf(date.minusDays(1));
  }
}
