// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.file;

import java.util.List;
import java.util.Objects;
import org.phonebank.settlement.SettlementRecord;
import org.phonebank.settlement.SettlementTotals;

/**
 * A settlement file that passed every check: its header, its detail records in file order, the
 * totals its trailer states (equal to what the details add up to), and the SHA-256 of its bytes,
 * which identifies it whatever it was called.
 */
public record SettlementFile(
    SettlementHeader header,
    List<SettlementRecord> records,
    SettlementTotals totals,
    String contentSha256) {

  public SettlementFile {
    Objects.requireNonNull(header, "Header is required.");
    records = List.copyOf(Objects.requireNonNull(records, "Records are required."));
    Objects.requireNonNull(totals, "Totals are required.");
    Objects.requireNonNull(contentSha256, "Content hash is required.");
    if (!contentSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("A content hash is 64 lower-case hex digits.");
    }
  }
}
