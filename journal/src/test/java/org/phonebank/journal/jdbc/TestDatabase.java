// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/** A fresh, empty database for one test, on Derby or PostgreSQL; the same journal code runs on both. */
interface TestDatabase extends AutoCloseable {

  DataSource dataSource();

  /** Stops the database as a node restart would and returns a new data source on the same data. */
  DataSource restart();

  @Override
  void close();

  /** Every value of every column of every table in this database, as text. */
  default List<String> everyStoredValue() {
    List<String> values = new ArrayList<>();
    try (Connection connection = dataSource().getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
        while (rows.next()) {
          tables.add(rows.getString("TABLE_NAME"));
        }
      }
      for (String table : tables) {
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("SELECT * FROM " + table.toLowerCase(Locale.ROOT))) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int column = 1; column <= columns; column++) {
              values.add(rows.getString(column));
            }
          }
        }
      }
      if (!tables.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList().contains("switch_journal")) {
        throw new IllegalStateException("The journal table was not found in " + tables);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return values;
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
