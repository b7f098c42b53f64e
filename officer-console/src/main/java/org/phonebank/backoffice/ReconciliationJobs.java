// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.backoffice;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Properties;
import org.phonebank.settlement.batch.BatchJobs;
import org.phonebank.settlement.batch.DirectBatchJobs;
import org.phonebank.settlement.batch.Reconciliations;

/**
 * The EAR's {@link BatchJobs}: reconciliation jobs are started and restarted here, in the console's
 * web module, whose component id (application and context root) is the same after every deploy, so
 * Payara's batch runtime lets a later deployment restart a job an earlier one started (see {@link
 * BatchJobs}). Once the application is up it has the server go on with the runs left unfinished.
 */
@Startup
@Singleton
@Local(BatchJobs.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReconciliationJobs implements BatchJobs {

  private final BatchJobs direct = new DirectBatchJobs();

  @EJB Reconciliations reconciliations;
  @Resource SessionContext context;
  @Resource TimerService timers;

  @PostConstruct
  void scheduleResume() {
    // (Not named start: Payara picks a callback by name, and start(String, Properties) is taken.)
    // Right after start-up, not in it: the resume calls back into this bean, which a singleton
    // refuses while it is being made.
    timers.createSingleActionTimer(0, new TimerConfig("resume", false));
  }

  @Timeout
  void resumeUnfinished() {
    // Through this bean's own business view, so each start and restart runs as this component.
    reconciliations.resumeUnfinished(context.getBusinessObject(BatchJobs.class));
  }

  @Override
  public long start(String job, Properties parameters) {
    return direct.start(job, parameters);
  }

  @Override
  public long latestExecutionOf(long executionId) {
    return direct.latestExecutionOf(executionId);
  }

  @Override
  public long restart(long executionId, Properties parameters) {
    return direct.restart(executionId, parameters);
  }
}
