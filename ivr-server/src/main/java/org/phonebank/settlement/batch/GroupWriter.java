// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import org.phonebank.settlement.jdbc.ItemRow;
import org.phonebank.settlement.run.RunCursor;

/**
 * Writes a chunk's rows and the run's checkpoint in one transaction of the phone bank's database.
 */
@Dependent
@Named("reconciliationWriter")
public class GroupWriter extends AbstractItemWriter {

  private static final System.Logger LOG = System.getLogger(GroupWriter.class.getName());

  @Inject StepContext step;

  @Override
  @SuppressWarnings("unchecked")
  public void writeItems(List<Object> items) {
    List<ItemRow> rows = new ArrayList<>();
    for (Object group : items) {
      rows.addAll((List<ItemRow>) group);
    }
    RunCursor cursor = (RunCursor) step.getTransientUserData();
    int before = cursor.written();
    cursor.write(rows);
    // Progress about every 5 %: enough to follow a run in server.log without a line per chunk.
    int step5 = Math.max(1, cursor.groups() / 20);
    if (cursor.checkpoint() / step5 != before / step5) {
      LOG.log(
          Level.INFO,
          "Reconciliation run {0}: {1} of {2} groups written",
          cursor.runId(),
          cursor.checkpoint(),
          cursor.groups());
    }
  }
}
