// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class DataSourcesTest {

  private static ServerSettings withUrl(String url) {
    return ServerSettings.from(
        key -> Optional.ofNullable(Map.of("phonebank.db.url", url).get(key)));
  }

  @Test
  void theDefaultDerbyUrlCreatesTheDatabaseBehindAPoolThatClosingCloses() throws Exception {
    DataSource derby =
        DataSources.open(withUrl("jdbc:derby:memory:datasources-test;create=true"), 2);
    try (Connection connection = derby.getConnection()) {
      assertEquals("Apache Derby", connection.getMetaData().getDatabaseProductName());
    } finally {
      DataSources.close(derby);
    }
    assertTrue(((HikariDataSource) derby).isClosed());
  }

  @Test
  void anUnknownDatabaseUrlIsAClearError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> DataSources.open(withUrl("jdbc:h2:mem:x"), 2));
    assertTrue(e.getMessage().contains("phonebank.db.url"), e.getMessage());
  }
}
