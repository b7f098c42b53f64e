// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.batch;

import java.util.Properties;

/**
 * Starts and restarts batch jobs on behalf of {@link Reconciliations}. Payara's batch runtime lets
 * only the component that started a job instance restart it, known by a tag made of its component
 * id; an EJB jar's component id holds the deployment's unique id, so a run started from this module
 * could never be restarted after a redeploy (every {@code ./phonebank start} deploys afresh). The
 * console's web module has a stable id (application and context root), so the EAR's implementation
 * lives there ({@code org.phonebank.backoffice.ReconciliationJobs}).
 */
public interface BatchJobs {

  /** Starts {@code job} as a new job instance; its execution id. */
  long start(String job, Properties parameters);

  /** The latest execution of {@code executionId}'s job instance (the one a restart must name). */
  long latestExecutionOf(long executionId);

  /** Restarts the job instance of {@code executionId}, its latest execution; the new execution. */
  long restart(long executionId, Properties parameters);
}
