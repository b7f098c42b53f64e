// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Properties;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.phonebank.journal.jdbc.JournalPool;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Opens the phone bank's database. Embedded Derby is the default, so a single node needs nothing
 * installed; a multi-node deployment names a container-managed pool (PostgreSQL) by JNDI instead,
 * or a PostgreSQL URL. A database opened by URL, Derby or PostgreSQL, is put behind the journal's
 * own pool ({@link JournalPool}); a JNDI pool is the container's and used as it is.
 */
final class DataSources {

  private static final String DERBY = "jdbc:derby:";
  private static final String POSTGRES = "jdbc:postgresql:";

  private DataSources() {}

  static DataSource open(ServerSettings settings, int poolSize) {
    if (!settings.databaseJndiName().isEmpty()) {
      try {
        return (DataSource) new InitialContext().lookup(settings.databaseJndiName());
      } catch (NamingException e) {
        throw new IllegalStateException("No data source at " + settings.databaseJndiName(), e);
      }
    }
    String url = settings.databaseUrl();
    if (url.startsWith(DERBY)) {
      return JournalPool.over(derby(url.substring(DERBY.length())), poolSize, "phonebank-derby");
    }
    if (url.startsWith(POSTGRES)) {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setUrl(url);
      if (!settings.databaseUser().isEmpty()) {
        postgres.setUser(settings.databaseUser());
        postgres.setPassword(settings.databasePassword());
      }
      return JournalPool.over(postgres, poolSize, "phonebank-postgresql");
    }
    throw new IllegalArgumentException(
        "phonebank.db.url must be a jdbc:derby: or jdbc:postgresql: URL");
  }

  private static EmbeddedDataSource derby(String nameAndAttributes) {
    EmbeddedDataSource derby = new EmbeddedDataSource();
    String[] parts = nameAndAttributes.split(";", 2);
    derby.setDatabaseName(parts[0]);
    Properties attributes = new Properties();
    if (parts.length > 1) {
      for (String attribute : parts[1].split(";")) {
        String[] pair = attribute.split("=", 2);
        attributes.setProperty(pair[0], pair.length > 1 ? pair[1] : "");
      }
    }
    if (Boolean.parseBoolean(attributes.getProperty("create", "false"))) {
      derby.setCreateDatabase("create");
    }
    return derby;
  }

  /**
   * Closes the pool, then shuts an embedded Derby database down cleanly so its files are consistent
   * on disk.
   */
  static void close(DataSource dataSource) {
    DataSource driver = dataSource;
    if (dataSource instanceof HikariDataSource pool) {
      driver = pool.getDataSource();
      pool.close();
    }
    if (driver instanceof EmbeddedDataSource derby) {
      derby.setShutdownDatabase("shutdown");
      try {
        derby.getConnection().close();
      } catch (java.sql.SQLException expected) {
        // Derby reports a successful shutdown as SQLState 08006.
      }
    }
  }
}
