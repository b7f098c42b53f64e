// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.phonebank.settlement.DifferenceKind;
import org.phonebank.settlement.worklist.ItemChain;
import org.phonebank.settlement.worklist.ItemChain.CallFacts;
import org.phonebank.settlement.worklist.ItemChain.JournalFacts;
import org.phonebank.settlement.worklist.ItemChain.ReversalFacts;
import org.phonebank.settlement.worklist.ItemChain.SettledLine;
import org.phonebank.settlement.worklist.ItemId;
import org.phonebank.settlement.worklist.Resolution;
import org.phonebank.settlement.worklist.ResolutionNote;
import org.phonebank.settlement.worklist.ResolutionReason;
import org.phonebank.settlement.worklist.WorkItem;
import org.phonebank.settlement.worklist.Worklist;
import org.phonebank.settlement.worklist.WorklistQuery;

/**
 * The worklist in the phone bank's database: items in {@code recon_item} (V30), their resolutions
 * in {@code recon_resolution} (V31, insert only; its primary key refuses a second entry with the
 * same number), and the chain from {@code settlement_line}, {@code switch_journal}, {@code
 * advice_queue} and {@code call_path}. Reads only, apart from appending resolutions.
 */
public final class JdbcWorklist implements Worklist {

  private static final String ITEM =
      "SELECT i.run_id, i.group_no, i.item_no, i.kind, i.match_key, i.journal_id, i.file_id,"
          + " i.line_no, i.amount, r.business_date, r.terminal_id, r.state"
          + " FROM recon_item i JOIN recon_run r ON r.id = i.run_id";
  private static final String RESOLUTION =
      "SELECT run_id, group_no, item_no, seq, reason, note, resolved_by, resolved_at"
          + " FROM recon_resolution";

  private final DataSource dataSource;

  public JdbcWorklist(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
  }

  @Override
  public Optional<WorkItem> item(ItemId id) {
    return run(
        "read item " + id,
        connection -> {
          List<WorkItem> items =
              items(
                  connection,
                  " WHERE i.run_id = ? AND i.group_no = ? AND i.item_no = ?",
                  id.runId(),
                  id.groupNo(),
                  id.itemNo());
          return items.stream().findFirst();
        });
  }

  @Override
  public List<WorkItem> items(WorklistQuery query) {
    return run(
        "list the worklist of run " + query.runId(),
        connection -> {
          StringBuilder where = new StringBuilder(" WHERE i.run_id = ? AND i.kind NOT IN (?, ?)");
          List<Object> values = new ArrayList<>();
          values.add(query.runId());
          values.add(DifferenceKind.MATCHED.name());
          values.add(DifferenceKind.SETTLED_ON_ANOTHER_DATE.name());
          if (query.kind().isPresent()) {
            where.append(" AND i.kind = ?");
            values.add(query.kind().get().name());
          }
          // Status depends on the latest resolution: filtered here, after the resolutions are read.
          return items(connection, where.toString(), values.toArray()).stream()
              .filter(query::admits)
              .skip(query.offset())
              .limit(query.limit())
              .toList();
        });
  }

  @Override
  public List<Resolution> resolutions(ItemId id) {
    return run("read the resolutions of " + id, connection -> resolutions(connection, id));
  }

  @Override
  public boolean append(Resolution resolution) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO recon_resolution (run_id, group_no, item_no, seq, reason, note,"
                    + " resolved_by, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ItemId id = resolution.item();
      insert.setLong(1, id.runId());
      insert.setInt(2, id.groupNo());
      insert.setInt(3, id.itemNo());
      insert.setInt(4, resolution.seq());
      insert.setString(5, resolution.reason().name());
      insert.setString(6, resolution.note().text());
      insert.setString(7, resolution.resolvedBy());
      insert.setTimestamp(8, Timestamp.from(resolution.resolvedAt()), utc());
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        return false;
      }
      throw new SettlementStoreException("Could not record a resolution.", e);
    }
  }

  @Override
  public Optional<ItemChain> chain(ItemId id) {
    return run(
        "read the chain of item " + id,
        connection -> {
          Optional<WorkItem> found =
              items(
                      connection,
                      " WHERE i.run_id = ? AND i.group_no = ? AND i.item_no = ?",
                      id.runId(),
                      id.groupNo(),
                      id.itemNo())
                  .stream()
                  .findFirst();
          if (found.isEmpty()) {
            return Optional.empty();
          }
          WorkItem item = found.get();
          Optional<SettledLine> line =
              item.lineNo().isPresent()
                  ? line(connection, item.fileId().orElseThrow(), item.lineNo().get())
                  : Optional.empty();
          Optional<JournalFacts> entry =
              item.journalId().isPresent()
                  ? entry(connection, item.journalId().get())
                  : Optional.empty();
          Optional<ReversalFacts> reversal =
              entry.isPresent() ? reversal(connection, entry.get().id()) : Optional.empty();
          Optional<CallFacts> call =
              entry.isPresent() ? call(connection, entry.get().callId()) : Optional.empty();
          List<WorkItem> elsewhere = new ArrayList<>();
          if (item.journalId().isPresent()) {
            elsewhere.addAll(items(connection, " WHERE i.journal_id = ?", item.journalId().get()));
          }
          if (item.lineNo().isPresent()) {
            for (WorkItem same :
                items(
                    connection,
                    " WHERE i.file_id = ? AND i.line_no = ?",
                    item.fileId().orElseThrow(),
                    item.lineNo().get())) {
              if (elsewhere.stream().noneMatch(seen -> seen.id().equals(same.id()))) {
                elsewhere.add(same);
              }
            }
          }
          elsewhere.removeIf(other -> other.id().equals(id));
          return Optional.of(
              new ItemChain(
                  item, line, entry, reversal, call, resolutions(connection, id), elsewhere));
        });
  }

  @Override
  public List<WorkItem> itemsOfJournalEntry(long journalId) {
    return run(
        "read the items of journal entry " + journalId,
        connection -> items(connection, " WHERE i.journal_id = ?", journalId));
  }

  private static List<WorkItem> items(Connection connection, String where, Object... values)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(ITEM + where + " ORDER BY i.run_id, i.group_no, i.item_no")) {
      bind(query, values);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rows.add(
              new Object[] {
                new ItemId(row.getLong("run_id"), row.getInt("group_no"), row.getInt("item_no")),
                row.getDate("business_date").toLocalDate(),
                row.getString("terminal_id"),
                DifferenceKind.valueOf(row.getString("kind")),
                row.getString("match_key"),
                row.getLong("amount"),
                optionalLong(row, "journal_id"),
                optionalLong(row, "file_id"),
                optionalInt(row, "line_no"),
                "COMPLETED".equals(row.getString("state"))
              });
        }
      }
    }
    Map<ItemId, Resolution> latest = latest(connection, rows);
    List<WorkItem> items = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      ItemId id = (ItemId) r[0];
      items.add(
          new WorkItem(
              id,
              (LocalDate) r[1],
              (String) r[2],
              (DifferenceKind) r[3],
              (String) r[4],
              (Long) r[5],
              castOptional(r[6]),
              castOptional(r[7]),
              castOptional(r[8]),
              (Boolean) r[9],
              Optional.ofNullable(latest.get(id))));
    }
    return items;
  }

  @SuppressWarnings("unchecked")
  private static <T> Optional<T> castOptional(Object value) {
    return (Optional<T>) value;
  }

  /** The latest resolution of each of the rows' items, read run by run. */
  private static Map<ItemId, Resolution> latest(Connection connection, List<Object[]> rows)
      throws SQLException {
    Map<ItemId, Resolution> latest = new HashMap<>();
    List<Long> runs = rows.stream().map(r -> ((ItemId) r[0]).runId()).distinct().toList();
    for (long runId : runs) {
      try (PreparedStatement query =
          connection.prepareStatement(RESOLUTION + " WHERE run_id = ? ORDER BY seq")) {
        query.setLong(1, runId);
        try (ResultSet row = query.executeQuery()) {
          while (row.next()) {
            Resolution resolution = resolution(row);
            latest.put(resolution.item(), resolution);
          }
        }
      }
    }
    return latest;
  }

  private static List<Resolution> resolutions(Connection connection, ItemId id)
      throws SQLException {
    List<Resolution> resolutions = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            RESOLUTION + " WHERE run_id = ? AND group_no = ? AND item_no = ? ORDER BY seq")) {
      bind(query, id.runId(), id.groupNo(), id.itemNo());
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          resolutions.add(resolution(row));
        }
      }
    }
    return resolutions;
  }

  private static Resolution resolution(ResultSet row) throws SQLException {
    return new Resolution(
        new ItemId(row.getLong("run_id"), row.getInt("group_no"), row.getInt("item_no")),
        row.getInt("seq"),
        ResolutionReason.valueOf(row.getString("reason")),
        new ResolutionNote(row.getString("note")),
        row.getString("resolved_by"),
        row.getTimestamp("resolved_at", utc()).toInstant());
  }

  private static Optional<SettledLine> line(Connection connection, long fileId, int lineNo)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT l.*, f.file_name FROM settlement_line l JOIN settlement_file f"
                + " ON f.id = l.file_id WHERE l.file_id = ? AND l.line_no = ?")) {
      bind(query, fileId, lineNo);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new SettledLine(
                fileId,
                lineNo,
                row.getString("file_name"),
                row.getInt("reversal") != 0,
                row.getString("processing_code"),
                row.getInt("stan"),
                row.getString("rrn"),
                row.getString("terminal_id"),
                row.getDate("local_date").toLocalDate(),
                row.getString("local_time"),
                row.getString("masked_card"),
                row.getLong("amount"),
                row.getString("response_code"),
                row.getLong("fee")));
      }
    }
  }

  private static Optional<JournalFacts> entry(Connection connection, long id) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id, call_id, type, stan, rrn, terminal_id, transmitted_at, masked_card, amount,"
                + " state, response_code, business_date FROM switch_journal WHERE id = ?")) {
      query.setLong(1, id);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        java.sql.Date business = row.getDate("business_date");
        return Optional.of(
            new JournalFacts(
                id,
                row.getString("call_id"),
                row.getString("type"),
                row.getInt("stan"),
                row.getString("rrn"),
                row.getString("terminal_id"),
                instant(row, "transmitted_at").orElseThrow(),
                row.getString("masked_card"),
                optionalLong(row, "amount"),
                row.getString("state"),
                responseCode(row.getString("state"), row.getString("response_code")),
                Optional.ofNullable(business).map(java.sql.Date::toLocalDate)));
      }
    }
  }

  /** The journal keeps a response code only for a decline: an approval's is 00. */
  private static Optional<String> responseCode(String state, String stored) {
    if (stored == null && "APPROVED".equals(state)) {
      return Optional.of("00");
    }
    return Optional.ofNullable(stored);
  }

  private static Optional<ReversalFacts> reversal(Connection connection, long entryId)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT mti, state, attempts, last_attempt_at, acknowledged_at, response_code,"
                + " dead_letter_reason, closed_reason FROM advice_queue"
                + " WHERE journal_entry_id = ?")) {
      query.setLong(1, entryId);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new ReversalFacts(
                row.getString("mti"),
                row.getString("state"),
                row.getInt("attempts"),
                instant(row, "last_attempt_at"),
                instant(row, "acknowledged_at"),
                Optional.ofNullable(row.getString("response_code")),
                Optional.ofNullable(row.getString("dead_letter_reason")),
                Optional.ofNullable(row.getString("closed_reason"))));
      }
    }
  }

  private static Optional<CallFacts> call(Connection connection, String callId)
      throws SQLException {
    List<String> steps = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT step FROM call_path_step WHERE call_id = ? ORDER BY step_no")) {
      query.setString(1, callId);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          steps.add(row.getString(1));
        }
      }
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT started_at, ended_at, masked_caller, language, ending FROM call_path"
                + " WHERE call_id = ?")) {
      query.setString(1, callId);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new CallFacts(
                callId,
                instant(row, "started_at").orElseThrow(),
                instant(row, "ended_at").orElseThrow(),
                Optional.ofNullable(row.getString("masked_caller")),
                Optional.ofNullable(row.getString("language")),
                row.getString("ending"),
                steps));
      }
    }
  }

  private static void bind(PreparedStatement query, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value instanceof Long l) {
        query.setLong(i + 1, l);
      } else if (value instanceof Integer n) {
        query.setInt(i + 1, n);
      } else {
        query.setString(i + 1, (String) value);
      }
    }
  }

  private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column, utc());
    return Optional.ofNullable(value).map(Timestamp::toInstant);
  }

  private static Optional<Long> optionalLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? Optional.empty() : Optional.of(value);
  }

  private static Optional<Integer> optionalInt(ResultSet row, String column) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? Optional.empty() : Optional.of(value);
  }

  private static Calendar utc() {
    return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
  }

  private interface Work<T> {
    T on(Connection connection) throws SQLException;
  }

  private <T> T run(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.on(connection);
    } catch (SQLException e) {
      throw new SettlementStoreException("Could not " + what + ".", e);
    }
  }
}
