// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phonebank.journal.EntryState;

class MoneyUnderFireTest {

  @TempDir Path folder;

  @Test
  void ledgerAndJournalAgreeToTheRialAfterCutsDropsAndDelays() throws Exception {
    int transfers = Integer.getInteger(MoneyUnderFire.SIZE_PROPERTY, 200);
    long seed = Long.getLong("phonebank.moneytest.seed", System.nanoTime());

    MoneyUnderFire.Result result =
        MoneyUnderFire.run(folder, transfers, 4, seed, Duration.ofMillis(250));

    System.out.println("money test, seed " + seed + ": " + result);
    assertNull(result.difference(), "seed " + seed + ": " + result);
    assertEquals(transfers, result.states().values().stream().mapToInt(Integer::intValue).sum());
    assertTrue(result.linkCuts() >= 2, "the link was not cut several times: " + result);
    assertTrue(result.states().getOrDefault(EntryState.APPROVED, 0) > 0, result.toString());
  }
}
