// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.phonebank.settings.SettingsReader;

/**
 * Every setting of the journal module with its default. The terminal id is not here: it is the
 * switch link's {@code phonebank.switch.terminal-id}, and the journal is given the same value.
 *
 * @param zone {@code phonebank.bank.zone} ({@link SettingsReader#BANK_ZONE}): the bank's zone,
 *     whose midnight starts a new STAN day and whose date and hour go into the RRN (default
 *     Asia/Tehran)
 * @param migrateOnStart {@code phonebank.journal.migrate-on-start}: run {@link SchemaMigrations} at
 *     deploy (default true; switch off only where a DBA applies the scripts by hand)
 * @param poolSize {@code phonebank.journal.pool-size}: connections in the journal's pool ({@link
 *     JournalPool}), 1 to 200 (default 16; each concurrent call holds one only for the length of a
 *     write, and PostgreSQL allows 100 connections by default for every node together)
 *     <p>The card fingerprint key ({@value #CARD_FINGERPRINT_KEY}) is a secret, so it is read by
 *     {@link #cardFingerprintKey} and never held in this record, whose fields may be printed.
 */
public record JournalSettings(ZoneId zone, boolean migrateOnStart, int poolSize) {

  public static final String MIGRATE_ON_START = "phonebank.journal.migrate-on-start";
  public static final String CARD_FINGERPRINT_KEY = "phonebank.journal.card-fingerprint-key";
  public static final String POOL_SIZE = "phonebank.journal.pool-size";
  static final int MAX_POOL_SIZE = 200;
  static final int DEFAULT_POOL_SIZE = 16;

  public JournalSettings {
    Objects.requireNonNull(zone, "Journal zone is required.");
    if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
      throw new IllegalArgumentException(
          "Setting " + POOL_SIZE + " must be from 1 to " + MAX_POOL_SIZE + ".");
    }
  }

  public static JournalSettings defaults() {
    return from(key -> Optional.empty());
  }

  /** Reads every key through {@code lookup} (in Payara: MicroProfile Config's getOptionalValue). */
  public static JournalSettings from(Function<String, Optional<String>> lookup) {
    SettingsReader keys = new SettingsReader(lookup);
    return new JournalSettings(
        keys.bankZone(),
        keys.flag(MIGRATE_ON_START, true),
        keys.number(POOL_SIZE, DEFAULT_POOL_SIZE));
  }

  /**
   * The secret that card fingerprints are keyed with: {@value #CARD_FINGERPRINT_KEY}, at least 32
   * bytes as hex (64 hex digits or more). It has no default, since a default would be public; it
   * must be the same on every node and never change, or locked cards and daily limits stop being
   * recognised. In Payara it comes from a password alias or the directory config source, not from a
   * properties file.
   */
  public static byte[] cardFingerprintKey(Function<String, Optional<String>> lookup) {
    String hex = new SettingsReader(lookup).secret(CARD_FINGERPRINT_KEY).orElse("");
    if (hex.isEmpty()) {
      throw new IllegalArgumentException(
          "Setting " + CARD_FINGERPRINT_KEY + " is required (64+ hex digits).");
    }
    if (!hex.matches("([0-9a-fA-F]{2})+") || hex.length() < 2 * FingerprintKeys.MIN_BYTES) {
      // The message never repeats the value: it is a secret.
      throw new IllegalArgumentException(
          "Setting "
              + CARD_FINGERPRINT_KEY
              + " must be at least "
              + 2 * FingerprintKeys.MIN_BYTES
              + " hex digits.");
    }
    return HexFormat.of().parseHex(hex);
  }

  /**
   * The clock for every store here: system time seen in the bank's zone, which starts the business
   * day.
   */
  public Clock clock() {
    return Clock.system(zone);
  }
}
