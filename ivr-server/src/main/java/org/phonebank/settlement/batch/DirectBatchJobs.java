// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.batch;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import java.util.Properties;

/** {@link BatchJobs} straight on the batch runtime's job operator, in the calling component. */
public final class DirectBatchJobs implements BatchJobs {

  @Override
  public long start(String job, Properties parameters) {
    return BatchRuntime.getJobOperator().start(job, parameters);
  }

  @Override
  public long latestExecutionOf(long executionId) {
    JobOperator operator = BatchRuntime.getJobOperator();
    return operator.getJobExecutions(operator.getJobInstance(executionId)).stream()
        .mapToLong(JobExecution::getExecutionId)
        .max()
        .orElse(executionId);
  }

  @Override
  public long restart(long executionId, Properties parameters) {
    return BatchRuntime.getJobOperator().restart(executionId, parameters);
  }
}
