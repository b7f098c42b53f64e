// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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

  @Inject StepContext step;

  @Override
  @SuppressWarnings("unchecked")
  public void writeItems(List<Object> items) {
    List<ItemRow> rows = new ArrayList<>();
    for (Object group : items) {
      rows.addAll((List<ItemRow>) group);
    }
    ((RunCursor) step.getTransientUserData()).write(rows);
  }
}
