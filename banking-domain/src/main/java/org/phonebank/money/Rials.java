// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.money;

/**
 * An amount of Iranian rials. Rials have no minor unit in practice, so the value is a whole {@code
 * long} (never a double, never scaled by {@code Currency.getDefaultFractionDigits()}, which wrongly
 * says 2 for IRR). Balances may be negative (an overdrawn account); amounts a caller moves are
 * checked by the service.
 */
public record Rials(long value) implements Comparable<Rials> {

  /** ISO 4217 numeric code of the Iranian rial, as carried in ISO 8583 field 49. */
  public static final String ISO_NUMERIC_CODE = "364";

  /** The most an ISO 8583 amount can state: field 4 is n12, whole rials. */
  public static final Rials ISO_8583_LARGEST = new Rials(999_999_999_999L);

  private static final Rials ZERO = new Rials(0);

  public static Rials of(long value) {
    return new Rials(value);
  }

  public static Rials zero() {
    return ZERO;
  }

  public Rials plus(Rials other) {
    return new Rials(Math.addExact(value, other.value));
  }

  public Rials minus(Rials other) {
    return new Rials(Math.subtractExact(value, other.value));
  }

  public boolean isNegative() {
    return value < 0;
  }

  public boolean isPositive() {
    return value > 0;
  }

  @Override
  public int compareTo(Rials other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return String.format("%,d IRR", value);
  }
}
