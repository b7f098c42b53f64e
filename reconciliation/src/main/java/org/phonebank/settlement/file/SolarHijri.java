// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.file;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Solar Hijri (Jalali) dates as {@code yyyy-MM-dd} with ASCII digits, converted with ICU4J's {@code
 * PersianCalendar} ({@code java.time} has none, DOMAIN §5.4). Months 1–6 have 31 days, 7–11 have
 * 30, month 12 has 29, or 30 in a leap year; ICU decides leap years with the 33-year arithmetic
 * rule.
 */
public final class SolarHijri {

  private static final Pattern FORMAT = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
  private static final long EPOCH_JULIAN_DAY = 2_440_588L;

  private SolarHijri() {}

  /** {@code date} as a Solar Hijri {@code yyyy-MM-dd}, e.g. 2025-03-20 → 1403-12-30. */
  public static String format(LocalDate date) {
    PersianCalendar calendar = calendar();
    calendar.set(Calendar.JULIAN_DAY, Math.toIntExact(date.toEpochDay() + EPOCH_JULIAN_DAY));
    return String.format(
        "%04d-%02d-%02d",
        calendar.get(Calendar.EXTENDED_YEAR),
        calendar.get(Calendar.MONTH) + 1,
        calendar.get(Calendar.DAY_OF_MONTH));
  }

  /**
   * The Gregorian date of a Solar Hijri {@code yyyy-MM-dd}.
   *
   * @throws IllegalArgumentException naming what is wrong: the shape, the month, or a day the month
   *     does not have in that year (e.g. 1404-12-30: 1404 is not a leap year)
   */
  public static LocalDate parse(String text) {
    Matcher parts = FORMAT.matcher(text);
    if (!parts.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a Solar Hijri date yyyy-MM-dd in ASCII digits");
    }
    int year = Integer.parseInt(parts.group(1));
    int month = Integer.parseInt(parts.group(2));
    int day = Integer.parseInt(parts.group(3));
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException(text + " has no month " + month + " (1 to 12)");
    }
    PersianCalendar calendar = calendar();
    calendar.set(year, month - 1, 1);
    int days = calendar.getActualMaximum(Calendar.DAY_OF_MONTH);
    if (day < 1 || day > days) {
      throw new IllegalArgumentException(
          text
              + " does not exist: month "
              + month
              + " of "
              + year
              + " has "
              + days
              + " days"
              + (month == 12 && days == 29 ? " (" + year + " is not a leap year)" : ""));
    }
    calendar.set(Calendar.DAY_OF_MONTH, day);
    return LocalDate.ofEpochDay(calendar.get(Calendar.JULIAN_DAY) - EPOCH_JULIAN_DAY);
  }

  private static PersianCalendar calendar() {
    PersianCalendar calendar = new PersianCalendar(TimeZone.GMT_ZONE);
    calendar.clear();
    return calendar;
  }
}
