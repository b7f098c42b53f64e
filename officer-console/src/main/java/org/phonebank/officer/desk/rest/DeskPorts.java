// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.phonebank.escalation.QueueDefinition;
import org.phonebank.lockout.CardLockouts;
import org.phonebank.officer.audit.AuditTrail;
import org.phonebank.officer.desk.CustomerContexts;
import org.phonebank.officer.desk.Desk;
import org.phonebank.officer.desk.jdbc.JdbcAuditTrail;
import org.phonebank.officer.desk.jdbc.JdbcCustomerContexts;
import org.phonebank.officer.desk.jdbc.JdbcWallboardFacts;
import org.phonebank.officer.wallboard.Wallboard;
import org.phonebank.server.PhoneBankServer;

/**
 * The one place the console meets the phone bank's server: it produces the ports the console's
 * resources inject (the desk, the lockouts, the audit trail, the wallboard), built on the server's
 * database and officers' queues. Resources never see the server itself.
 */
@ApplicationScoped
public class DeskPorts {

  /** The escalation module's default {@code service-level-seconds}, when no queues are set up. */
  private static final long DEFAULT_SERVICE_LEVEL_SECONDS = 20;

  @EJB private PhoneBankServer server;

  @Produces
  @Dependent
  public AuditTrail auditTrail() {
    return new JdbcAuditTrail(server.dataSource());
  }

  @Produces
  @Dependent
  public CustomerContexts customerContexts() {
    return new JdbcCustomerContexts(server.dataSource());
  }

  @Produces
  @Dependent
  public CardLockouts lockouts() {
    return server.lockouts();
  }

  @Produces
  @Dependent
  public Desk desk() {
    return new Desk(
        server.escalations(),
        customerContexts(),
        lockouts(),
        auditTrail(),
        Clock.systemUTC(),
        server.officerLegs());
  }

  /**
   * The wallboard over the queues' rows; without configured queues it shows the rows there are,
   * with the escalation module's default service level (20 s).
   */
  @Produces
  @Dependent
  public Wallboard wallboard() {
    return new Wallboard(
        new JdbcWallboardFacts(server.dataSource()),
        server
            .escalations()
            .map(q -> q.settings().queues().stream().map(QueueDefinition::name).toList())
            .orElse(List.of()),
        server
            .escalations()
            .map(q -> q.settings().serviceLevel())
            .orElse(Duration.ofSeconds(DEFAULT_SERVICE_LEVEL_SECONDS)),
        Clock.systemUTC());
  }
}
