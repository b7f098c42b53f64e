// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.batch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InboxArrivalTest {

  @Test
  void aFileStillBeingWrittenIsLeftInTheInboxUntilItsWriterRenamesIt() {
    assertTrue(Reconciliations.arriving(Path.of("inbox", ".switch-2026-01-15.txt")));
    assertTrue(Reconciliations.arriving(Path.of("inbox", "switch-2026-01-15.txt.part")));
    assertTrue(Reconciliations.arriving(Path.of("inbox", "switch-2026-01-15.txt.filepart")));
    assertFalse(Reconciliations.arriving(Path.of("inbox", "switch-2026-01-15.txt")));
    assertFalse(Reconciliations.arriving(Path.of("inbox", "participants.txt")));
  }
}
