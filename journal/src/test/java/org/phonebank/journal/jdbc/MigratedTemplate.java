// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * One in-memory Derby database migrated to the current schema, backed up once per test JVM
 * (SYSCS_UTIL.SYSCS_BACKUP_DATABASE) so that each test's database is restored from it ({@code
 * createFrom=}) in tens of milliseconds.
 */
final class MigratedTemplate {

  private static String backup;

  private MigratedTemplate() {}

  /** The folder of the migrated backup, made on first use. */
  static synchronized String backup() {
    if (backup == null) {
      String name = "journal-template-" + UUID.randomUUID();
      EmbeddedDataSource derby = new EmbeddedDataSource();
      derby.setDatabaseName("memory:" + name);
      derby.setCreateDatabase("create");
      SchemaMigrations.migrate(derby);
      try {
        // Under the module's build folder (the tests' working directory), which mvn clean removes.
        Path folder =
            Files.createTempDirectory(Files.createDirectories(Path.of("target")), "template");
        try (Connection connection = derby.getConnection();
            CallableStatement call =
                connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
          call.setString(1, folder.toString());
          call.execute();
        }
        backup = folder.resolve(name).toString();
        // The backup is all the tests need: the template itself need not hold memory for the
        // whole run, and the backup (3 MB) need not outlive it in a target/ nobody cleans.
        DerbyTestDatabase.expectShutdown("memory:" + name, "drop=true");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(folder)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot back up the migrated template.", e);
      }
    }
    return backup;
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      // Left for mvn clean: the JVM is ending, and the next run makes a folder of its own.
    }
  }
}
