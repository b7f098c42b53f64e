// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import org.phonebank.settlement.run.RunCursor;

/**
 * Reads a run's match-key groups. It opens at the checkpoint stored with the run's items (not at
 * the batch runtime's own, which may lag behind after a kill), and shares its cursor with the
 * processor and writer through the step context. The cursor streams both sides through sorted
 * temporary runs ({@code settlement.merge}), the same path the benchmark measures.
 */
@Dependent
@Named("reconciliationReader")
public class GroupReader extends AbstractItemReader {

  private static final System.Logger LOG = System.getLogger(GroupReader.class.getName());

  @Inject Reconciliations reconciliations;
  @Inject StepContext step;
  @Inject JobContext job;

  @Inject
  @BatchProperty(name = "runId")
  String runId;

  private RunCursor cursor;

  @Override
  public void open(Serializable checkpoint) {
    cursor = reconciliations.cursor();
    cursor.open(Long.parseLong(runId), job.getExecutionId());
    step.setTransientUserData(cursor);
    LOG.log(
        Level.INFO,
        "Reconciliation run {0} is worked on by job execution {1} from group {2}",
        cursor.runId(),
        job.getExecutionId(),
        cursor.checkpoint());
  }

  /** Lets go of the run's sorted temporary files, at the end of the step or when it stops. */
  @Override
  public void close() {
    if (cursor != null) {
      cursor.close();
    }
  }

  @Override
  public Object readItem() {
    return cursor.read();
  }

  @Override
  public Serializable checkpointInfo() {
    return cursor == null ? null : cursor.checkpoint();
  }
}
