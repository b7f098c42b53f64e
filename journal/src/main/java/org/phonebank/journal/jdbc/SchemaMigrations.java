// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Brings the journal's schema up to date at deploy. The versioned scripts are listed in an index
 * resource (an EAR library cannot be scanned for resources reliably) and applied in order, all in
 * one transaction, each recorded in {@code schema_version} with the SHA-256 of its text. A version
 * already applied is skipped; an applied script whose text has since changed, or an applied version
 * this release does not list, stops the deploy, because the code would no longer match the tables
 * it runs on.
 *
 * <p>Portable scripts sit in the migration folder; a script of the same name in its {@code derby/}
 * or {@code postgresql/} sub-folder replaces it on that database, chosen by {@link
 * DatabaseMetaData#getDatabaseProductName}.
 */
public final class SchemaMigrations {

  static final String LOCATION = "/org/phonebank/journal/jdbc/db/migration";
  static final String VERSION_TABLE = "schema_version";

  private static final System.Logger LOG = System.getLogger(SchemaMigrations.class.getName());

  private SchemaMigrations() {}

  /**
   * Applies every script not yet applied and returns their versions in order (empty when up to
   * date).
   */
  public static List<Integer> migrate(DataSource dataSource) {
    return migrate(dataSource, LOCATION);
  }

  static List<Integer> migrate(DataSource dataSource, String location) {
    return migrate(dataSource, location, Integer.MAX_VALUE);
  }

  /**
   * Applies scripts up to {@code targetVersion} only: how tests build a database as an older
   * release left it.
   */
  static List<Integer> migrate(DataSource dataSource, String location, int targetVersion) {
    Objects.requireNonNull(dataSource, "Data source is required.");
    try (Connection connection = dataSource.getConnection()) {
      String vendor = vendorFolder(connection.getMetaData().getDatabaseProductName());
      List<MigrationScript> scripts =
          scripts(location, vendor).stream()
              .filter(script -> script.version() <= targetVersion)
              .toList();
      ensureVersionTable(connection);
      return applyPending(connection, scripts);
    } catch (SQLException e) {
      throw new JournalStoreException("Schema migration failed: " + e.getMessage(), e);
    }
  }

  static String vendorFolder(String productName) {
    String name = productName.toLowerCase(Locale.ROOT);
    if (name.contains("derby")) {
      return "derby";
    } else if (name.contains("postgresql")) {
      return "postgresql";
    }
    throw new IllegalStateException(
        "Unsupported database " + productName + ": use Apache Derby or PostgreSQL.");
  }

  private static List<MigrationScript> scripts(String location, String vendor) {
    byte[] index = MigrationScript.read(location + "/index");
    if (index == null) {
      throw new IllegalStateException("No schema script index at " + location + "/index.");
    }
    List<MigrationScript> scripts = new ArrayList<>();
    for (String line : new String(index, StandardCharsets.UTF_8).split("\\R")) {
      String fileName = line.strip();
      if (fileName.isEmpty() || fileName.startsWith("#")) {
        continue;
      }
      MigrationScript script = MigrationScript.load(location, vendor, fileName);
      if (!scripts.isEmpty() && script.version() <= scripts.get(scripts.size() - 1).version()) {
        throw new IllegalStateException(
            "Schema script index lists " + fileName + " out of version order.");
      }
      scripts.add(script);
    }
    return scripts;
  }

  private static void ensureVersionTable(Connection connection) throws SQLException {
    connection.setAutoCommit(true);
    if (versionTableExists(connection)) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE "
              + VERSION_TABLE
              + " (version INTEGER NOT NULL, description VARCHAR(200) NOT NULL,"
              + " applied_at TIMESTAMP NOT NULL, checksum VARCHAR(64) NOT NULL,"
              + " CONSTRAINT schema_version_pk PRIMARY KEY (version))");
    } catch (SQLException e) {
      // Another node starting at the same moment may have created it first; only then is this
      // harmless.
      if (!versionTableExists(connection)) {
        throw e;
      }
    }
  }

  private static boolean versionTableExists(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String name = VERSION_TABLE.replace("_", meta.getSearchStringEscape() + "_");
    if (meta.storesUpperCaseIdentifiers()) {
      name = name.toUpperCase(Locale.ROOT);
    }
    try (ResultSet tables =
        meta.getTables(null, connection.getSchema(), name, new String[] {"TABLE"})) {
      return tables.next();
    }
  }

  private static List<Integer> applyPending(Connection connection, List<MigrationScript> scripts)
      throws SQLException {
    connection.setAutoCommit(false);
    try {
      try (Statement statement = connection.createStatement()) {
        // Two nodes deploying at once must not both apply V<n>. A table lock on schema_version is
        // the one
        // statement Derby and PostgreSQL both accept, it needs no extra lock row to seed, and the
        // database
        // releases it on commit, rollback or a dropped connection, so a node dying mid-deploy
        // cannot leave it
        // held. EXCLUSIVE still lets plain readers of the table through on PostgreSQL.
        statement.execute("LOCK TABLE " + VERSION_TABLE + " IN EXCLUSIVE MODE");
      }
      Map<Integer, String> applied = appliedChecksums(connection);
      checkNoUnknownVersions(applied, scripts);
      List<Integer> newlyApplied = new ArrayList<>();
      for (MigrationScript script : scripts) {
        String recorded = applied.get(script.version());
        if (recorded == null) {
          apply(connection, script);
          newlyApplied.add(script.version());
        } else if (!recorded.equals(script.checksum())) {
          throw new IllegalStateException(
              "Schema script "
                  + script.fileName()
                  + " was changed after it was applied (recorded checksum "
                  + recorded
                  + ", now "
                  + script.checksum()
                  + "). Restore it and add a new version instead.");
        }
      }
      connection.commit();
      if (!newlyApplied.isEmpty()) {
        LOG.log(System.Logger.Level.INFO, "Applied journal schema versions " + newlyApplied);
      }
      return newlyApplied;
    } catch (SQLException | RuntimeException e) {
      Sql.rollback(connection, e);
      throw e;
    }
  }

  private static Map<Integer, String> appliedChecksums(Connection connection) throws SQLException {
    Map<Integer, String> applied = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version, checksum FROM " + VERSION_TABLE)) {
      while (rows.next()) {
        applied.put(rows.getInt(1), rows.getString(2));
      }
    }
    return applied;
  }

  private static void checkNoUnknownVersions(
      Map<Integer, String> applied, List<MigrationScript> scripts) {
    for (Integer version : applied.keySet()) {
      if (scripts.stream().noneMatch(script -> script.version() == version)) {
        throw new IllegalStateException(
            "The database has schema version "
                + version
                + ", which this release does not list: "
                + "it was built by another release of the phone bank.");
      }
    }
  }

  private static void apply(Connection connection, MigrationScript script) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : script.statements()) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new SQLException(
          "Schema script " + script.fileName() + " failed: " + e.getMessage(),
          e.getSQLState(),
          e.getErrorCode(),
          e);
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO "
                + VERSION_TABLE
                + " (version, description, applied_at, checksum)"
                + " VALUES (?, ?, CURRENT_TIMESTAMP, ?)")) {
      insert.setInt(1, script.version());
      insert.setString(2, script.description());
      insert.setString(3, script.checksum());
      insert.executeUpdate();
    }
  }
}
