// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Everything this module keeps, built over one data source: the journal, the STAN/RRN source, the
 * store-and-forward queue, card lockouts and call paths. The server makes one at start with {@link
 * #open}, which also brings the schema up to date unless {@code phonebank.journal.migrate-on-start}
 * is false.
 */
public final class JournalStore {

  private final JdbcJournal journal;
  private final JdbcTransactionIdSource transactionIds;
  private final JdbcAdviceQueue adviceQueue;
  private final JdbcCardLockouts lockouts;
  private final JdbcCallPaths callPaths;
  private final List<Integer> appliedVersions;

  private JournalStore(
      DataSource dataSource,
      String terminalId,
      byte[] fingerprintKey,
      Clock clock,
      List<Integer> applied) {
    this.journal = new JdbcJournal(dataSource, terminalId, fingerprintKey, clock);
    this.transactionIds = new JdbcTransactionIdSource(dataSource, terminalId, clock);
    this.adviceQueue = new JdbcAdviceQueue(dataSource, clock);
    this.lockouts = new JdbcCardLockouts(dataSource, fingerprintKey, clock);
    this.callPaths = new JdbcCallPaths(dataSource);
    this.appliedVersions = List.copyOf(applied);
  }

  /**
   * Migrates the schema if the settings say so, then builds every store.
   *
   * @param terminalId this node's ISO 8583 field 41 ({@code phonebank.switch.terminal-id})
   * @param fingerprintKey {@link JournalSettings#cardFingerprintKey}, the same on every node
   */
  public static JournalStore open(
      DataSource dataSource, JournalSettings settings, String terminalId, byte[] fingerprintKey) {
    return open(dataSource, settings, terminalId, fingerprintKey, settings.clock());
  }

  /**
   * As {@link #open(DataSource, JournalSettings, String, byte[])} with a clock of the caller's
   * (tests).
   */
  public static JournalStore open(
      DataSource dataSource,
      JournalSettings settings,
      String terminalId,
      byte[] fingerprintKey,
      Clock clock) {
    Objects.requireNonNull(dataSource, "Data source is required.");
    Objects.requireNonNull(settings, "Journal settings are required.");
    Objects.requireNonNull(clock, "Clock is required.");
    // Check the arguments before touching the schema, so a misconfigured node changes nothing.
    TerminalIds.checked(terminalId);
    FingerprintKeys.checked(fingerprintKey);
    List<Integer> applied =
        settings.migrateOnStart() ? SchemaMigrations.migrate(dataSource) : List.of();
    return new JournalStore(dataSource, terminalId, fingerprintKey, clock, applied);
  }

  public JdbcJournal journal() {
    return journal;
  }

  public JdbcTransactionIdSource transactionIds() {
    return transactionIds;
  }

  public JdbcAdviceQueue adviceQueue() {
    return adviceQueue;
  }

  public JdbcCardLockouts lockouts() {
    return lockouts;
  }

  public JdbcCallPaths callPaths() {
    return callPaths;
  }

  /**
   * Schema versions this start applied, in order; empty when the database was up to date or not
   * migrated.
   */
  public List<Integer> appliedVersions() {
    return appliedVersions;
  }
}
