// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * A fresh, empty database for one test, on Derby or PostgreSQL; the same journal code runs on both.
 */
interface TestDatabase extends AutoCloseable {

  DataSource dataSource();

  /** Stops the database as a node restart would and returns a new data source on the same data. */
  DataSource restart();

  @Override
  void close();

  /**
   * Every value of every column of every table in this database, as text; binary columns are read
   * byte for byte as Latin-1, so digits stored in them show up too.
   */
  default List<String> everyStoredValue() {
    List<String> values = new ArrayList<>();
    try (Connection connection = dataSource().getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rows =
          meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
        while (rows.next()) {
          tables.add(rows.getString("TABLE_NAME"));
        }
      }
      for (String table : tables) {
        try (Statement statement = connection.createStatement();
            ResultSet rows =
                statement.executeQuery("SELECT * FROM " + table.toLowerCase(Locale.ROOT))) {
          ResultSetMetaData columns = rows.getMetaData();
          while (rows.next()) {
            for (int column = 1; column <= columns.getColumnCount(); column++) {
              if (isBinary(columns.getColumnType(column))) {
                byte[] bytes = rows.getBytes(column);
                values.add(bytes == null ? null : new String(bytes, StandardCharsets.ISO_8859_1));
              } else {
                values.add(rows.getString(column));
              }
            }
          }
        }
      }
      if (!tables.stream()
          .map(t -> t.toLowerCase(Locale.ROOT))
          .toList()
          .contains("switch_journal")) {
        throw new IllegalStateException("The journal table was not found in " + tables);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return values;
  }

  private static boolean isBinary(int type) {
    return type == Types.BLOB
        || type == Types.BINARY
        || type == Types.VARBINARY
        || type == Types.LONGVARBINARY;
  }

  default void execute(String sql) {
    try (Connection connection = dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  default long count(String sql) {
    try (Connection connection = dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
