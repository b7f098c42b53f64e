// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.batch;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.phonebank.settlement.run.RunCursor;

/** Classifies one group into its item rows (an empty list when nothing needs reporting). */
@Dependent
@Named("reconciliationClassifier")
public class GroupClassifier implements ItemProcessor {

  @Inject StepContext step;

  @Override
  public Object processItem(Object item) {
    return ((RunCursor) step.getTransientUserData()).classify((RunCursor.NumberedGroup) item);
  }
}
