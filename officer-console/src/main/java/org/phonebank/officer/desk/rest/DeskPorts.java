// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.phonebank.lockout.CardLockouts;
import org.phonebank.officer.audit.AuditTrail;
import org.phonebank.officer.desk.CustomerContexts;
import org.phonebank.officer.desk.Desk;
import org.phonebank.officer.desk.jdbc.JdbcAuditTrail;
import org.phonebank.officer.desk.jdbc.JdbcCustomerContexts;
import org.phonebank.server.PhoneBankServer;

/**
 * The one place the console meets the phone bank's server: it produces the ports the console's
 * resources inject (the desk, the lockouts, the audit trail), built on the server's database and
 * officers' queues. Resources never see the server itself.
 */
@ApplicationScoped
public class DeskPorts {

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
        server.escalations(), customerContexts(), lockouts(), auditTrail(), Clock.systemUTC());
  }
}
