// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phonebank.settlement.DifferenceKind;

/**
 * The benchmark harness at a tiny size: it runs, and the run finds exactly the day's differences.
 */
class ReconciliationBenchmarkTest {

  @TempDir Path work;

  @Test
  void aTinyDayIsReconciledToExactlyTheDifferencesItWasMadeWith() throws Exception {
    ReconciliationBenchmark.Day day = ReconciliationBenchmark.generate(3_000, work);

    ReconciliationBenchmark.Result result = ReconciliationBenchmark.run(day, work);

    assertEquals(day.expected(), result.counts());
    assertEquals(60, result.counts().get(DifferenceKind.MISSING_AT_SWITCH));
    assertEquals(30, result.counts().get(DifferenceKind.UNKNOWN_TO_US));
    assertTrue(result.baselineNanos() > 0 && result.runNanos() > 0);
    assertTrue(result.baselineCpuNanos() >= 0 && result.runCpuNanos() > 0);
  }
}
