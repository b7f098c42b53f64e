// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.phonebank.banking.BusinessCalendar;
import org.phonebank.journal.BusinessDayEntry;
import org.phonebank.journal.JournalByBusinessDate;
import org.phonebank.journal.JournalEntry;

/**
 * The {@code switch_journal} read by business date for reconciliation, read-only. An entry's
 * business date is the switch's field 15 when the entry carries one ({@code business_date}), else
 * the business day its transmission time falls in under the cut-over. The query reads a day either
 * side of the range by transmission time, because field 15 may differ from the local clock by a
 * cut-over.
 */
public final class JdbcJournalByBusinessDate implements JournalByBusinessDate {

  private static final Duration MARGIN = Duration.ofDays(1);
  private static final int FETCH = 1_000;

  private final DataSource dataSource;
  private final BusinessCalendar calendar;

  public JdbcJournalByBusinessDate(DataSource dataSource, BusinessCalendar calendar) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
    this.calendar = Objects.requireNonNull(calendar, "Business calendar is required.");
  }

  @Override
  public List<BusinessDayEntry> entries(String terminalId, LocalDate from, LocalDate to) {
    List<BusinessDayEntry> entries = new ArrayList<>();
    read(terminalId, from, to, "id", entries::add);
    return entries;
  }

  /**
   * Streams the entries ordered by transmission time, then STAN and id: local-date order, the first
   * part of the match key, which the index on (terminal, transmission time) gives cheaply.
   */
  @Override
  public void forEachInTimeOrder(
      String terminalId, LocalDate from, LocalDate to, Consumer<BusinessDayEntry> sink) {
    read(terminalId, from, to, "transmitted_at, stan, id", sink);
  }

  private void read(
      String terminalId,
      LocalDate from,
      LocalDate to,
      String order,
      Consumer<BusinessDayEntry> sink) {
    Objects.requireNonNull(terminalId, "Terminal id is required.");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("The range ends before it starts.");
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT "
                    + JdbcJournal.COLUMNS
                    + ", business_date FROM switch_journal WHERE terminal_id = ?"
                    + " AND transmitted_at >= ? AND transmitted_at < ? ORDER BY "
                    + order)) {
      query.setString(1, terminalId);
      Sql.setInstant(query, 2, calendar.openOf(from).minus(MARGIN));
      Sql.setInstant(query, 3, calendar.closeOf(to).plus(MARGIN));
      query.setFetchSize(FETCH);
      // PostgreSQL fetches by the fetch size only inside a transaction, else the whole result.
      boolean autoCommit = connection.getAutoCommit();
      if (autoCommit) {
        connection.setAutoCommit(false);
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          JournalEntry entry = JdbcJournal.entry(rows);
          Date settled = rows.getDate("business_date");
          LocalDate businessDate =
              settled != null
                  ? settled.toLocalDate()
                  : calendar.businessDateOf(entry.ids().transmittedAt());
          if (!businessDate.isBefore(from) && !businessDate.isAfter(to)) {
            sink.accept(new BusinessDayEntry(entry, terminalId, businessDate));
          }
        }
      } finally {
        if (autoCommit) {
          connection.rollback();
          connection.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw new JournalStoreException(
          "Could not read the journal of terminal " + terminalId + " for " + from + "…" + to + ".",
          e);
    }
  }
}
