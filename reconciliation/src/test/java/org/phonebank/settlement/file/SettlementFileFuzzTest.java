// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;

/**
 * Whatever bytes a switch (or whoever uploads in its name) hands over as a settlement file, the
 * parser loads it whole or rejects it with its declared {@link SettlementFileRejected}, listing
 * line errors. Any other exception is a finding. A file it loads is one the phone bank can write
 * again: what the writer makes of the records it read reads back to the same records. The corpus
 * ({@code src/test/resources/org/phonebank/settlement/file/SettlementFileFuzzTestInputs/<method>/})
 * is seeded from {@code fixtures/settlement} and runs in every build; {@code JAZZER_FUZZ=1} fuzzes
 * (BENCHMARKS.md).
 */
class SettlementFileFuzzTest {

  private static final LocalDate DAY = LocalDate.of(2026, 5, 6);
  private static final SettlementFileParser PARSER = new SettlementFileParser(1 << 20);

  @FuzzTest(maxDuration = "6h", maxExecutions = 10_000_000)
  void aFileLoadsWholeOrIsRejectedWithLineErrors(byte[] content) throws SettlementFileRejected {
    try {
      // As the nightly run reads it: for one business date and terminal.
      PARSER.parse(content, DAY, "IVR00001");
    } catch (SettlementFileRejected declared) {
      // every reason listed by line; the file is quarantined
    }
    SettlementFile file;
    try {
      file = PARSER.parse(content, null, null);
    } catch (SettlementFileRejected declared) {
      return;
    }
    byte[] again = SettlementFileWriter.write(file.header(), file.records());
    assertEquals(file.records(), PARSER.parse(again, null, null).records());
  }
}
