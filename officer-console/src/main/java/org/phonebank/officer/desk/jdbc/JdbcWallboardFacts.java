// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.phonebank.escalation.EntryFacts;
import org.phonebank.escalation.OfficerState;
import org.phonebank.escalation.jdbc.JdbcEscalationStore;
import org.phonebank.officer.wallboard.InQueue;
import org.phonebank.officer.wallboard.WallboardFacts;

/**
 * The wallboard's facts from the escalation tables: the entries' and officers' rows as the
 * escalation store reads them for its own figures, and the callers in a queue now (WAITING, or
 * RINGING an officer who has not answered), which the store's {@code waiting()} (WAITING only, with
 * the officers each tried) does not give.
 */
public final class JdbcWallboardFacts implements WallboardFacts {

  private final DataSource dataSource;
  private final JdbcEscalationStore store;

  public JdbcWallboardFacts(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
    this.store = new JdbcEscalationStore(dataSource);
  }

  @Override
  public List<EntryFacts> joined(Instant from, Instant to) {
    return store.entryFacts(from, to);
  }

  @Override
  public List<InQueue> inQueue() {
    return Rows.run(
        dataSource,
        "read the callers in the queues",
        connection -> {
          List<InQueue> callers = new ArrayList<>();
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT queue_name, enqueued_at, callback_sealed FROM escalation_entry"
                          + " WHERE status IN ('WAITING', 'RINGING')");
              ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              callers.add(
                  new InQueue(
                      rows.getString("queue_name"),
                      Rows.instant(rows, "enqueued_at"),
                      rows.getString("callback_sealed") != null));
            }
          }
          return callers;
        });
  }

  @Override
  public List<OfficerState> officers() {
    return store.officers();
  }
}
