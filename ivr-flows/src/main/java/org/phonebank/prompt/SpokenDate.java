// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A day as the caller hears it: in Persian on the Solar Hijri calendar, day first («پنجم فروردین
 * هزار و چهارصد و سه»); in English on the Gregorian calendar, month first ("March twenty-fourth two
 * thousand twenty four"). {@code java.time} has no Solar Hijri chronology, so ICU4J converts.
 */
public final class SpokenDate {

  private static final ULocale PERSIAN_CALENDAR = new ULocale("fa_IR@calendar=persian");

  private SpokenDate() {}

  public static Prompt of(LocalDate date, Language language) {
    Objects.requireNonNull(date, "Date is required.");
    if (language == Language.PERSIAN) {
      SolarHijri day = SolarHijri.of(date);
      return Prompt.of(language, "day-" + day.dayOfMonth(), "month-" + day.month())
          .then(SpokenNumber.of(day.year(), language));
    }
    return Prompt.of(language, "month-" + date.getMonthValue(), "day-" + date.getDayOfMonth())
        .then(SpokenNumber.of(date.getYear(), language));
  }

  /** A Solar Hijri date; months count from 1 (Farvardin). */
  record SolarHijri(int year, int month, int dayOfMonth) {

    static SolarHijri of(LocalDate date) {
      // Noon UTC: the civil day is the same in Tehran, whatever the zone offset.
      Calendar calendar = Calendar.getInstance(TimeZone.GMT_ZONE, PERSIAN_CALENDAR);
      calendar.clear();
      calendar.setTimeInMillis(date.atTime(12, 0).toEpochSecond(ZoneOffset.UTC) * 1000);
      return new SolarHijri(
          calendar.get(Calendar.YEAR),
          calendar.get(Calendar.MONTH) + 1,
          calendar.get(Calendar.DAY_OF_MONTH));
    }
  }
}
