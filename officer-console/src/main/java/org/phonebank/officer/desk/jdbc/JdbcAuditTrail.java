// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.phonebank.officer.audit.AuditAction;
import org.phonebank.officer.audit.AuditRecord;
import org.phonebank.officer.audit.AuditTrail;

/**
 * The audit trail in table {@code console_audit} (journal migration V21): inserts and reads only.
 */
public final class JdbcAuditTrail implements AuditTrail {

  private final DataSource dataSource;

  public JdbcAuditTrail(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
  }

  @Override
  public void append(AuditRecord record) {
    Rows.run(
        dataSource,
        "write the audit trail",
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO console_audit (at_time, actor, action, masked_card, detail)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            Rows.setInstant(insert, 1, record.at());
            insert.setString(2, record.actor());
            insert.setString(3, record.action().name());
            insert.setString(4, record.maskedCard().orElse(null));
            insert.setString(5, record.detail());
            return insert.executeUpdate();
          }
        });
  }

  @Override
  public List<AuditRecord> newest(int limit) {
    return Rows.run(
        dataSource,
        "read the audit trail",
        connection -> {
          List<AuditRecord> records = new ArrayList<>();
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT at_time, actor, action, masked_card, detail FROM console_audit"
                      + " ORDER BY id DESC FETCH FIRST "
                      + Math.max(1, limit)
                      + " ROWS ONLY")) {
            try (ResultSet row = query.executeQuery()) {
              while (row.next()) {
                records.add(
                    new AuditRecord(
                        Rows.instant(row, "at_time"),
                        row.getString("actor"),
                        AuditAction.valueOf(row.getString("action")),
                        Optional.ofNullable(row.getString("masked_card")),
                        row.getString("detail")));
              }
            }
          }
          return records;
        });
  }
}
