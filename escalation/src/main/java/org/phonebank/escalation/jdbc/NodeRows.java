// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.phonebank.escalation.CallbackClaim;
import org.phonebank.escalation.Offer;
import org.phonebank.escalation.SealedNumber;

/**
 * The nodes' heartbeats (table {@code escalation_node}, the journal's migration V28) and the
 * callback calls a node was placing, for {@link JdbcEscalationStore}: each a statement or two of
 * its own, apart from the queues' transactions.
 */
final class NodeRows {

  private final Transactions transactions;

  NodeRows(Transactions transactions) {
    this.transactions = transactions;
  }

  boolean beat(String nodeId, Instant started, Instant now) {
    return transactions.run(
        "record the heartbeat of node " + nodeId,
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE escalation_node SET last_beat = ? WHERE node_id = ?")) {
            Transactions.setInstant(update, 1, now);
            update.setString(2, nodeId);
            if (update.executeUpdate() == 1) {
              return true;
            }
          }
          // Only the node itself writes its row afresh, so no other insert races this one.
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO escalation_node (node_id, started_at, last_beat) VALUES (?, ?, ?)")) {
            insert.setString(1, nodeId);
            Transactions.setInstant(insert, 2, started);
            Transactions.setInstant(insert, 3, now);
            insert.executeUpdate();
          }
          return false;
        });
  }

  Map<String, Instant> lastBeats() {
    return transactions.run(
        "read the nodes' heartbeats",
        connection -> {
          Map<String, Instant> beats = new LinkedHashMap<>();
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT node_id, last_beat FROM escalation_node ORDER BY node_id");
              ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              beats.put(rows.getString("node_id"), Transactions.instant(rows, "last_beat"));
            }
          }
          return beats;
        });
  }

  List<CallbackClaim> callbackCallsOf(String nodeId) {
    return transactions.run(
        "find the callback calls of node " + nodeId,
        connection -> {
          List<CallbackClaim> calls = new ArrayList<>();
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT o.id, o.entry_id, o.officer_id, o.offered_at, o.deadline, a.attempt_no,"
                      + " e.callback_sealed, e.callback_digest"
                      + " FROM escalation_callback_attempt a"
                      + " JOIN escalation_offer o ON o.id = a.offer_id"
                      + " JOIN escalation_entry e ON e.id = a.entry_id"
                      + " WHERE a.node_id = ? AND a.result IS NULL"
                      + " ORDER BY a.started_at, a.entry_id, a.attempt_no")) {
            query.setString(1, nodeId);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                Offer offer =
                    new Offer(
                        rows.getLong("id"),
                        rows.getLong("entry_id"),
                        rows.getString("officer_id"),
                        Transactions.instant(rows, "offered_at"),
                        Transactions.instant(rows, "deadline"));
                calls.add(
                    new CallbackClaim(
                        offer,
                        rows.getInt("attempt_no"),
                        new SealedNumber(
                            rows.getString("callback_sealed"), rows.getString("callback_digest"))));
              }
            }
          }
          return calls;
        });
  }

  boolean forget(String nodeId, Instant lastBeat) {
    return transactions.run(
        "forget node " + nodeId,
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM escalation_node WHERE node_id = ? AND last_beat = ?")) {
            delete.setString(1, nodeId);
            Transactions.setInstant(delete, 2, lastBeat);
            return delete.executeUpdate() == 1;
          }
        });
  }
}
