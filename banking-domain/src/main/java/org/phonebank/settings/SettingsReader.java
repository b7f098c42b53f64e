// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settings;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one reader behind every module's settings record: each {@code from(lookup)} wraps its lookup
 * (in Payara MicroProfile Config's {@code getOptionalValue}, in tests a map) in one of these and
 * asks for each key with its default, as jPOS's {@code Configuration} serves {@code
 * QueryHost.setConfiguration}. A value is trimmed and a blank one counts as absent, so an empty
 * environment variable falls back to the default; a value of the wrong shape is an {@link
 * IllegalArgumentException} naming the key (and never repeating a value read with {@link #secret}).
 */
public final class SettingsReader {

  /**
   * {@value}: the bank's time zone (a region id such as {@code Asia/Tehran}). Its midnight starts a
   * business day, a STAN day and a daily limit; its date and time go into fields 12, 13 and the
   * RRN; reconciliation dates our journal in it; the switch simulator's issuer keeps its day in it.
   */
  public static final String BANK_ZONE = "phonebank.bank.zone";

  /** The zone when {@value #BANK_ZONE} is not set: Iran Standard Time, where the bank is. */
  public static final ZoneId DEFAULT_BANK_ZONE = ZoneId.of("Asia/Tehran");

  private final Function<String, Optional<String>> lookup;

  public SettingsReader(Function<String, Optional<String>> lookup) {
    this.lookup = Objects.requireNonNull(lookup, "Settings lookup is required.");
  }

  /** A reader of fixed values (tests, command-line options). */
  public static SettingsReader of(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return new SettingsReader(key -> Optional.ofNullable(copy.get(key)));
  }

  /**
   * A reader of the JVM's system properties, then its environment ({@code a.b-c} as {@code A_B_C}).
   */
  public static SettingsReader systemAndEnvironment() {
    return new SettingsReader(
        key ->
            Optional.ofNullable(System.getProperty(key))
                .or(
                    () ->
                        Optional.ofNullable(
                            System.getenv(key.toUpperCase().replace('.', '_').replace('-', '_')))));
  }

  /** The key's trimmed value, empty when unset or blank. */
  public Optional<String> given(String key) {
    return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
  }

  public String text(String key, String defaultValue) {
    return given(key).orElse(defaultValue);
  }

  /** A secret's value, empty when unset; errors about it must not repeat it. */
  public Optional<String> secret(String key) {
    return given(key);
  }

  /** A whole number in {@code int} range. */
  public int number(String key, int defaultValue) {
    return Math.toIntExact(whole(key, defaultValue, Integer.MIN_VALUE, Integer.MAX_VALUE));
  }

  /** A whole number in {@code long} range (amounts in rials). */
  public long wholeNumber(String key, long defaultValue) {
    return whole(key, defaultValue, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** A duration given in milliseconds (keys ending {@code -ms}). */
  public Duration millis(String key, Duration defaultValue) {
    return Duration.ofMillis(wholeNumber(key, defaultValue.toMillis()));
  }

  /** A duration given in seconds (keys ending {@code -seconds}). */
  public Duration seconds(String key, Duration defaultValue) {
    return Duration.ofSeconds(wholeNumber(key, defaultValue.toSeconds()));
  }

  /** {@code true} or {@code false}, nothing else. */
  public boolean flag(String key, boolean defaultValue) {
    String value = text(key, Boolean.toString(defaultValue));
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException("Setting " + key + " must be true or false.");
    }
    return Boolean.parseBoolean(value);
  }

  /** A time zone id such as {@code Asia/Tehran} or {@code UTC}. */
  public ZoneId zone(String key, ZoneId defaultValue) {
    String value = text(key, defaultValue.getId());
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "Setting " + key + " is not a time zone: '" + value + "'.", e);
    }
  }

  /** The bank's time zone, {@value #BANK_ZONE} (default Asia/Tehran). */
  public ZoneId bankZone() {
    return zone(BANK_ZONE, DEFAULT_BANK_ZONE);
  }

  private long whole(String key, long defaultValue, long min, long max) {
    String value = given(key).orElse(null);
    if (value == null) {
      return defaultValue;
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed < min || parsed > max) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Setting " + key + " must be a whole number, was '" + value + "'.");
    }
  }
}
