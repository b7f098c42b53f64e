// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

  @Test
  void theScriptFolderFollowsTheDatabaseProductAndAnUnknownOneIsRefused() {
    assertEquals("derby", SchemaMigrations.vendorFolder("Apache Derby"));
    assertEquals("postgresql", SchemaMigrations.vendorFolder("PostgreSQL"));
    assertThrows(IllegalStateException.class, () -> SchemaMigrations.vendorFolder("MySQL"));
  }

  @Test
  void aScriptIsSplitIntoStatementsWithoutItsComments() {
    MigrationScript script =
        MigrationScript.load(SchemaMigrations.LOCATION, "derby", "V1__switch_journal.sql");

    List<String> statements = script.statements();

    assertEquals(1, script.version());
    assertEquals("switch journal", script.description());
    assertEquals(3, statements.size());
    assertTrue(statements.get(0).startsWith("CREATE TABLE switch_journal ("));
    assertEquals(
        "CREATE INDEX switch_journal_call_ix ON switch_journal (call_id)", statements.get(1));
  }

  @Test
  void aScriptNotNamedByVersionIsRefused() {
    assertThrows(
        IllegalStateException.class,
        () -> MigrationScript.load(SchemaMigrations.LOCATION, "derby", "journal.sql"));
  }
}
