// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.merge;

import java.time.LocalDate;
import org.phonebank.settlement.MatchKey;

/**
 * A match key of one terminal as two longs, ordered as {@code MatchGroup.sortKey} orders keys
 * (local date, STAN, RRN): {@code high} holds the epoch day (bits 32 and up), the STAN (bits 12–31)
 * and the RRN's first two characters; {@code low} its other ten. An RRN character takes six bits,
 * numbered in ASCII order (digits, upper case, lower case), so comparing the longs compares the
 * strings. The terminal is left out: a run is of one terminal.
 */
public record PackedKey(long high, long low) implements Comparable<PackedKey> {

  private static final int RRN_LENGTH = 12;

  public static PackedKey of(MatchKey key) {
    return of(key.localDate(), key.stan().value(), key.rrn().value());
  }

  public static PackedKey of(LocalDate localDate, int stan, String rrn) {
    long day = localDate.toEpochDay();
    if (day < 0 || day > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("A local date before 1970 cannot be keyed: " + localDate);
    }
    if (rrn.length() != RRN_LENGTH) {
      throw new IllegalArgumentException("An RRN has twelve characters.");
    }
    long high = day << 32 | (long) stan << 12 | code(rrn.charAt(0)) << 6 | code(rrn.charAt(1));
    long low = 0;
    for (int i = 2; i < RRN_LENGTH; i++) {
      low = low << 6 | code(rrn.charAt(i));
    }
    return new PackedKey(high, low);
  }

  private static long code(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
      return 10 + c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return 36 + c - 'a';
    }
    throw new IllegalArgumentException("An RRN is letters and digits only.");
  }

  @Override
  public int compareTo(PackedKey other) {
    int byHigh = Long.compare(high, other.high);
    return byHigh != 0 ? byHigh : Long.compare(low, other.low);
  }
}
