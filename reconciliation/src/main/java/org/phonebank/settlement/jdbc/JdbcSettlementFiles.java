// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.jdbc;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.money.Rials;
import org.phonebank.settlement.KindTotal;
import org.phonebank.settlement.SettlementRecord;
import org.phonebank.settlement.SettlementTotals;
import org.phonebank.settlement.file.LineError;
import org.phonebank.settlement.file.SettlementFile;
import org.phonebank.settlement.file.SettlementFileParser;
import org.phonebank.settlement.file.SettlementFileRejected;

/**
 * Receives settlement files into {@code settlement_file} and {@code settlement_line}: a file that
 * passes every check is loaded whole in one transaction; one that does not is recorded as
 * quarantined with its errors and no lines; content loaded before (same SHA-256, whatever the name)
 * is a duplicate and changes nothing. Nothing already loaded is ever changed.
 */
public final class JdbcSettlementFiles {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");
  private static final int MAX_ERROR_TEXT = 15_000;
  private static final int BATCH = 1_000;

  private final DataSource dataSource;
  private final SettlementFileParser parser;
  private final Clock clock;

  public JdbcSettlementFiles(DataSource dataSource, SettlementFileParser parser, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
    this.parser = Objects.requireNonNull(parser, "Parser is required.");
    this.clock = Objects.requireNonNull(clock, "Clock is required.");
  }

  /**
   * Checks and stores {@code content}.
   *
   * @param expectedDate the business date it must be for, or null for any
   * @param expectedTerminal the terminal it must be for, or null for any
   */
  public Receipt receive(
      String fileName,
      String receivedBy,
      byte[] content,
      LocalDate expectedDate,
      String expectedTerminal) {
    Objects.requireNonNull(fileName, "File name is required.");
    Objects.requireNonNull(receivedBy, "Receiver is required.");
    String name = fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
    SettlementFile file;
    try {
      file = parser.parse(content, expectedDate, expectedTerminal);
    } catch (SettlementFileRejected rejected) {
      long id = quarantine(name, receivedBy, content, rejected.errors());
      return new Receipt.Quarantined(id, rejected.errors());
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        Optional<Long> earlier = loadedWith(connection, file.contentSha256());
        if (earlier.isPresent()) {
          connection.rollback();
          return new Receipt.Duplicate(earlier.get());
        }
        long id = insertFile(connection, name, receivedBy, content.length, file, null);
        insertLines(connection, id, file.records());
        insertControls(connection, id, file.totals());
        connection.commit();
        return new Receipt.Loaded(id, file.records().size(), file.header().businessDate());
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new SettlementStoreException("Could not load settlement file " + name + ".", e);
    }
  }

  /** The loaded file of {@code terminal} for {@code businessDate}, the latest if several. */
  public Optional<Long> loadedFile(String terminal, LocalDate businessDate) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT MAX(id) FROM settlement_file WHERE terminal_id = ? AND business_date = ?"
                    + " AND status = 'LOADED'")) {
      query.setString(1, terminal);
      query.setDate(2, Date.valueOf(businessDate));
      try (ResultSet row = query.executeQuery()) {
        row.next();
        long id = row.getLong(1);
        return row.wasNull() ? Optional.empty() : Optional.of(id);
      }
    } catch (SQLException e) {
      throw new SettlementStoreException("Could not look up the settlement file.", e);
    }
  }

  /** One loaded detail line and where it stands in its file. */
  public record Line(long fileId, int lineNo, SettlementRecord record) {}

  /** The detail lines of a loaded file, in file order. */
  public List<Line> lines(long fileId) {
    List<Line> lines = new ArrayList<>();
    forEachLine(fileId, lines::add);
    return lines;
  }

  /**
   * Hands each detail line of a loaded file to {@code sink} in file order, holding none: what a run
   * of a million lines reads through.
   */
  public void forEachLine(long fileId, Consumer<Line> sink) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT l.*, f.business_date AS file_date FROM settlement_line l"
                    + " JOIN settlement_file f ON f.id = l.file_id WHERE l.file_id = ?"
                    + " ORDER BY l.line_no")) {
      query.setLong(1, fileId);
      query.setFetchSize(BATCH);
      // PostgreSQL fetches by the fetch size only inside a transaction, else the whole result.
      boolean autoCommit = connection.getAutoCommit();
      if (autoCommit) {
        connection.setAutoCommit(false);
      }
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          sink.accept(
              new Line(
                  fileId,
                  row.getInt("line_no"),
                  new SettlementRecord(
                      row.getDate("file_date").toLocalDate(),
                      row.getDate("local_date").toLocalDate(),
                      LocalTime.parse(row.getString("local_time"), TIME),
                      new Stan(row.getInt("stan")),
                      new Rrn(row.getString("rrn")),
                      row.getString("terminal_id"),
                      row.getString("masked_card"),
                      row.getString("processing_code"),
                      Rials.of(row.getLong("amount")),
                      row.getString("response_code"),
                      row.getInt("reversal") == 1,
                      Rials.of(row.getLong("fee")))));
        }
      } finally {
        if (autoCommit) {
          connection.rollback();
          connection.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw new SettlementStoreException("Could not read settlement file " + fileId + ".", e);
    }
  }

  /**
   * The control totals the switch stated for a loaded file (its trailer and subtotal lines), empty
   * for a file loaded before they were kept (schema V32).
   */
  public Optional<SettlementTotals> controls(long fileId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement trailer =
            connection.prepareStatement("SELECT * FROM settlement_trailer WHERE file_id = ?");
        PreparedStatement subtotals =
            connection.prepareStatement(
                "SELECT * FROM settlement_subtotal WHERE file_id = ? ORDER BY transaction_class")) {
      trailer.setLong(1, fileId);
      subtotals.setLong(1, fileId);
      List<SettlementTotals.ClassTotal> byClass = new ArrayList<>();
      try (ResultSet row = subtotals.executeQuery()) {
        while (row.next()) {
          byClass.add(
              new SettlementTotals.ClassTotal(
                  row.getString("transaction_class"),
                  total(row, "item_count", "item_amount"),
                  total(row, "reversal_count", "reversal_amount"),
                  Rials.of(row.getLong("fee_amount"))));
        }
      }
      try (ResultSet row = trailer.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new SettlementTotals(
                row.getLong("detail_count"),
                total(row, "debit_count", "debit_amount"),
                total(row, "credit_count", "credit_amount"),
                total(row, "reversal_count", "reversal_amount"),
                total(row, "fee_count", "fee_amount"),
                Rials.of(row.getLong("net_amount")),
                byClass));
      }
    } catch (SQLException e) {
      throw new SettlementStoreException(
          "Could not read the control totals of settlement file " + fileId + ".", e);
    }
  }

  private static KindTotal total(ResultSet row, String count, String amount) throws SQLException {
    return new KindTotal(row.getLong(count), Rials.of(row.getLong(amount)));
  }

  private static void insertControls(Connection connection, long fileId, SettlementTotals totals)
      throws SQLException {
    try (PreparedStatement trailer =
        connection.prepareStatement(
            "INSERT INTO settlement_trailer (file_id, detail_count, debit_count, debit_amount,"
                + " credit_count, credit_amount, reversal_count, reversal_amount, fee_count,"
                + " fee_amount, net_amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      trailer.setLong(1, fileId);
      trailer.setLong(2, totals.details());
      int i = 3;
      for (KindTotal t :
          List.of(totals.debits(), totals.credits(), totals.reversals(), totals.fees())) {
        trailer.setLong(i++, t.count());
        trailer.setLong(i++, t.amount().value());
      }
      trailer.setLong(i, totals.net().value());
      trailer.executeUpdate();
    }
    try (PreparedStatement subtotal =
        connection.prepareStatement(
            "INSERT INTO settlement_subtotal (file_id, transaction_class, item_count, item_amount,"
                + " reversal_count, reversal_amount, fee_amount) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (SettlementTotals.ClassTotal c : totals.byClass()) {
        subtotal.setLong(1, fileId);
        subtotal.setString(2, c.transactionClass());
        subtotal.setLong(3, c.items().count());
        subtotal.setLong(4, c.items().amount().value());
        subtotal.setLong(5, c.reversals().count());
        subtotal.setLong(6, c.reversals().amount().value());
        subtotal.setLong(7, c.fees().value());
        subtotal.addBatch();
      }
      subtotal.executeBatch();
    }
  }

  private long quarantine(String name, String receivedBy, byte[] content, List<LineError> errors) {
    String text = errors.stream().map(LineError::toString).collect(Collectors.joining("\n"));
    if (text.length() > MAX_ERROR_TEXT) {
      text = text.substring(0, MAX_ERROR_TEXT) + "\n…";
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      return insertFile(
          connection,
          name,
          receivedBy,
          content.length,
          null,
          text,
          SettlementFileParser.sha256(content));
    } catch (SQLException e) {
      throw new SettlementStoreException("Could not quarantine settlement file " + name + ".", e);
    }
  }

  private static Optional<Long> loadedWith(Connection connection, String sha256)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT MIN(id) FROM settlement_file WHERE content_sha256 = ? AND status = 'LOADED'")) {
      query.setString(1, sha256);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        long id = row.getLong(1);
        return row.wasNull() ? Optional.empty() : Optional.of(id);
      }
    }
  }

  private long insertFile(
      Connection connection,
      String name,
      String receivedBy,
      long size,
      SettlementFile file,
      String errors)
      throws SQLException {
    return insertFile(connection, name, receivedBy, size, file, errors, file.contentSha256());
  }

  private long insertFile(
      Connection connection,
      String name,
      String receivedBy,
      long size,
      SettlementFile file,
      String errors,
      String sha256)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO settlement_file (content_sha256, file_name, size_bytes, received_at,"
                + " received_by, status, terminal_id, business_date, detail_count, net_amount, errors)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, sha256);
      insert.setString(2, name);
      insert.setLong(3, size);
      insert.setTimestamp(4, Timestamp.from(clock.instant()));
      insert.setString(5, receivedBy);
      insert.setString(6, file == null ? "QUARANTINED" : "LOADED");
      insert.setString(7, file == null ? null : file.header().terminalId());
      insert.setDate(8, file == null ? null : Date.valueOf(file.header().businessDate()));
      if (file == null) {
        insert.setNull(9, java.sql.Types.BIGINT);
        insert.setNull(10, java.sql.Types.BIGINT);
      } else {
        insert.setLong(9, file.totals().details());
        insert.setLong(10, file.totals().net().value());
      }
      insert.setString(11, errors);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static void insertLines(
      Connection connection, long fileId, List<SettlementRecord> records) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO settlement_line (file_id, line_no, reversal, processing_code, stan, rrn,"
                + " terminal_id, local_date, local_time, masked_card, amount, response_code, fee)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int lineNo = 1;
      for (SettlementRecord r : records) {
        lineNo++;
        insert.setLong(1, fileId);
        insert.setInt(2, lineNo);
        insert.setInt(3, r.reversal() ? 1 : 0);
        insert.setString(4, r.processingCode());
        insert.setInt(5, r.stan().value());
        insert.setString(6, r.rrn().value());
        insert.setString(7, r.terminalId());
        insert.setDate(8, Date.valueOf(r.localDate()));
        insert.setString(9, TIME.format(r.localTime()));
        insert.setString(10, r.maskedCard());
        insert.setLong(11, r.amount().value());
        insert.setString(12, r.responseCode());
        insert.setLong(13, r.fee().value());
        insert.addBatch();
        if ((lineNo - 1) % BATCH == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }
}
