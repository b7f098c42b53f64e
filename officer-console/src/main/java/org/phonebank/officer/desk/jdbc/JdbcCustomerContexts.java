// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.phonebank.card.CardFingerprint;
import org.phonebank.officer.desk.CallerContext;
import org.phonebank.officer.desk.CustomerContexts;
import org.phonebank.officer.desk.PastContact;
import org.phonebank.officer.desk.SwitchRequestFacts;
import org.phonebank.officer.desk.WrapUpCode;

/**
 * The callers' contexts in the phone bank's database: the escalation's entry and switch requests
 * (journal migration V20), the card fingerprint the journal keeps on each switch request ({@code
 * switch_journal.card_fingerprint}, V3), each call's path ({@code call_path}, V6) and the wrap-ups
 * (V21; one per answered conversation from V27). A card is recognised on other calls only by that
 * fingerprint, so a call that reached no switch request with the card (a caller who escalated
 * before keying it) has no history.
 */
public final class JdbcCustomerContexts implements CustomerContexts {

  private final DataSource dataSource;

  public JdbcCustomerContexts(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
  }

  @Override
  public Optional<CallerContext> context(long entryId) {
    return Rows.run(
        dataSource,
        "read caller context " + entryId,
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT call_id, masked_card, language, authenticated, ivr_path, reason,"
                      + " reason_text, enqueued_at FROM escalation_entry WHERE id = ?")) {
            query.setLong(1, entryId);
            try (ResultSet row = query.executeQuery()) {
              if (!row.next()) {
                return Optional.empty();
              }
              String callId = row.getString("call_id");
              String path = row.getString("ivr_path");
              return Optional.of(
                  new CallerContext(
                      entryId,
                      callId,
                      Optional.ofNullable(row.getString("masked_card")),
                      fingerprintOf(connection, callId),
                      row.getString("language"),
                      row.getBoolean("authenticated"),
                      path == null || path.isEmpty() ? List.of() : Arrays.asList(path.split(" > ")),
                      row.getString("reason").toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                      row.getString("reason_text"),
                      switchRequests(connection, entryId),
                      Rows.instant(row, "enqueued_at")));
            }
          }
        });
  }

  private static Optional<CardFingerprint> fingerprintOf(Connection connection, String callId)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT card_fingerprint FROM switch_journal WHERE call_id = ?"
                + " AND card_fingerprint IS NOT NULL FETCH FIRST 1 ROWS ONLY")) {
      query.setString(1, callId);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(new CardFingerprint(row.getString(1))) : Optional.empty();
      }
    }
  }

  private static List<SwitchRequestFacts> switchRequests(Connection connection, long entryId)
      throws SQLException {
    List<SwitchRequestFacts> requests = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT type, amount, stan, rrn, response_code, journal_state"
                + " FROM escalation_switch_request WHERE entry_id = ? ORDER BY seq")) {
      query.setLong(1, entryId);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          long amount = row.getLong("amount");
          Optional<Long> maybeAmount = row.wasNull() ? Optional.empty() : Optional.of(amount);
          requests.add(
              new SwitchRequestFacts(
                  row.getString("type"),
                  maybeAmount,
                  row.getInt("stan"),
                  row.getString("rrn"),
                  Optional.ofNullable(row.getString("response_code")),
                  row.getString("journal_state")));
        }
      }
    }
    return requests;
  }

  @Override
  public List<PastContact> history(CardFingerprint card, Instant since) {
    return Rows.run(
        dataSource,
        "read a card's history",
        connection -> {
          Map<String, Instant> calls = new LinkedHashMap<>();
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT call_id, MIN(transmitted_at) AS first_at FROM switch_journal"
                      + " WHERE card_fingerprint = ? AND transmitted_at >= ? GROUP BY call_id")) {
            query.setString(1, card.hex());
            Rows.setInstant(query, 2, since);
            try (ResultSet row = query.executeQuery()) {
              while (row.next()) {
                calls.put(row.getString("call_id"), Rows.instant(row, "first_at"));
              }
            }
          }
          List<PastContact> contacts = new ArrayList<>();
          for (Map.Entry<String, Instant> call : calls.entrySet()) {
            contacts.add(contact(connection, call.getKey(), call.getValue()));
          }
          contacts.sort(Comparator.comparing(PastContact::at).reversed());
          return contacts;
        });
  }

  private static PastContact contact(Connection connection, String callId, Instant at)
      throws SQLException {
    Optional<String> ending = Optional.empty();
    try (PreparedStatement query =
        connection.prepareStatement("SELECT ending FROM call_path WHERE call_id = ?")) {
      query.setString(1, callId);
      try (ResultSet row = query.executeQuery()) {
        if (row.next()) {
          ending = Optional.ofNullable(row.getString(1));
        }
      }
    }
    Optional<String> reason = Optional.empty();
    Optional<String> code = Optional.empty();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT e.reason, w.code FROM escalation_entry e"
                + " LEFT JOIN escalation_wrap_up w ON w.entry_id = e.id"
                + " WHERE e.call_id = ? ORDER BY e.id DESC, w.written_at DESC"
                + " FETCH FIRST 1 ROWS ONLY")) {
      query.setString(1, callId);
      try (ResultSet row = query.executeQuery()) {
        if (row.next()) {
          reason =
              Optional.of(row.getString(1).toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
          code = Optional.ofNullable(row.getString(2));
        }
      }
    }
    return new PastContact(callId, at, ending, reason, code);
  }

  @Override
  public Optional<Long> lastAnswered(String officerId) {
    return Rows.run(
        dataSource,
        "read the last call of officer " + officerId,
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT entry_id FROM escalation_offer WHERE officer_id = ?"
                      + " AND result = 'ANSWERED' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
            query.setString(1, officerId);
            try (ResultSet row = query.executeQuery()) {
              return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public boolean wrapUp(long entryId, String officerId, WrapUpCode code, String note, Instant at) {
    return Rows.run(
        dataSource,
        "write up call " + entryId,
        connection -> {
          // One wrap-up per answered conversation (V27): a transferred caller may be answered
          // and written up again, by another officer or the same one. The unique offer_id keeps
          // it to one each; a call written up with no answered offer, to one per call.
          Long offer = null;
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT MAX(id) FROM escalation_offer"
                      + " WHERE entry_id = ? AND officer_id = ? AND result = 'ANSWERED'")) {
            query.setLong(1, entryId);
            query.setString(2, officerId);
            try (ResultSet row = query.executeQuery()) {
              if (row.next()) {
                long id = row.getLong(1);
                offer = row.wasNull() ? null : id;
              }
            }
          }
          if (offer == null) {
            try (PreparedStatement query =
                connection.prepareStatement(
                    "SELECT 1 FROM escalation_wrap_up WHERE entry_id = ? AND offer_id IS NULL")) {
              query.setLong(1, entryId);
              try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                  return false;
                }
              }
            }
          }
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO escalation_wrap_up"
                      + " (entry_id, officer_id, code, note, written_at, offer_id)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, entryId);
            insert.setString(2, officerId);
            insert.setString(3, code.name());
            insert.setString(4, note.isEmpty() ? null : note);
            Rows.setInstant(insert, 5, at);
            if (offer == null) {
              insert.setNull(6, java.sql.Types.BIGINT);
            } else {
              insert.setLong(6, offer);
            }
            insert.executeUpdate();
            return true;
          } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
              return false; // the unique offer: this conversation is already written up
            }
            throw e;
          }
        });
  }
}
