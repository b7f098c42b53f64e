// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The switch-link benchmark at a tiny size, so the harness behind BENCHMARKS.md keeps working and
 * its journalled rows keep failing no request. No timing is asserted: speed is read from the full
 * run, never from a test.
 */
class SwitchLinkBenchmarkTest {

  @Test
  void everyRowOfATinyRunCompletesWithoutAFailedRequest(@TempDir Path work) throws Exception {
    int transactions = 30;
    SwitchLinkBenchmark.Options options =
        new SwitchLinkBenchmark.Options(transactions, 10, List.of(4), 4, null, work);

    List<SwitchLinkBenchmark.Comparison> comparisons = SwitchLinkBenchmark.run(options);

    assertEquals(1, comparisons.size());
    for (SwitchLinkBenchmark.Comparison comparison : comparisons) {
      for (RunResult row : comparison.rows()) {
        assertEquals(transactions, row.transactions(), row.path());
        assertEquals(0, row.failed(), row.path() + " failed requests");
      }
      assertEquals(transactions, comparison.phoneBank().approved());
      assertEquals(transactions, comparison.journal().approved());
      assertEquals(transactions, comparison.floor().approved());
      assertEquals(transactions, comparison.indexedFloor().approved());
      assertTrue(comparison.p50AgainstBarePlusFloor() > 0);
    }
  }
}
