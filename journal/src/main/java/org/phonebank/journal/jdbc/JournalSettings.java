// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting of the journal module with its default. The terminal id is not here: it is the switch
 * link's {@code phonebank.switch.terminal-id}, and the journal is given the same value.
 *
 * @param zone {@code phonebank.journal.zone}: the bank's zone, whose midnight starts a new STAN day and
 *     whose date and hour go into the RRN (default Asia/Tehran)
 * @param migrateOnStart {@code phonebank.journal.migrate-on-start}: run {@link SchemaMigrations} at deploy
 *     (default true; switch off only where a DBA applies the scripts by hand)
 */
public record JournalSettings(ZoneId zone, boolean migrateOnStart) {

  public static final String ZONE = "phonebank.journal.zone";
  public static final String MIGRATE_ON_START = "phonebank.journal.migrate-on-start";

  public JournalSettings {
    Objects.requireNonNull(zone, "Journal zone is required.");
  }

  public static JournalSettings defaults() {
    return from(key -> Optional.empty());
  }

  /** Reads every key through {@code lookup} (in Payara: MicroProfile Config's getOptionalValue). */
  public static JournalSettings from(Function<String, Optional<String>> lookup) {
    String zone = text(lookup, ZONE, "Asia/Tehran");
    String migrate = text(lookup, MIGRATE_ON_START, "true");
    if (!migrate.equals("true") && !migrate.equals("false")) {
      throw new IllegalArgumentException("Setting " + MIGRATE_ON_START + " must be true or false.");
    }
    try {
      return new JournalSettings(ZoneId.of(zone), Boolean.parseBoolean(migrate));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("Setting " + ZONE + " is not a time zone: '" + zone + "'.", e);
    }
  }

  /** The clock for {@link JdbcTransactionIdSource}: system time seen in the bank's zone. */
  public Clock clock() {
    return Clock.system(zone);
  }

  private static String text(Function<String, Optional<String>> lookup, String key, String defaultValue) {
    return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(defaultValue);
  }
}
