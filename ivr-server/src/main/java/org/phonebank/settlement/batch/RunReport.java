// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Closes the run and writes its report once every group is written. */
@Dependent
@Named("reconciliationReport")
public class RunReport extends AbstractBatchlet {

  @Inject Reconciliations reconciliations;
  @Inject JobContext job;

  @Inject
  @BatchProperty(name = "runId")
  String runId;

  @Override
  public String process() {
    reconciliations.finish(Long.parseLong(runId), job.getExecutionId());
    return "COMPLETED";
  }
}
