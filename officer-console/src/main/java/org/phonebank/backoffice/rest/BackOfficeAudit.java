// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.backoffice.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.time.Instant;
import java.util.Optional;
import org.phonebank.officer.audit.AuditAction;
import org.phonebank.officer.audit.AuditRecord;
import org.phonebank.officer.audit.AuditTrail;

/** The signed-in back-office user, and their actions appended to the consoles' audit trail. */
@RequestScoped
public class BackOfficeAudit {

  @Inject private AuditTrail trail;

  // Jakarta Security's context: injectable into any CDI bean, unlike JAX-RS's @Context.
  @Inject private SecurityContext security;

  String user() {
    return security.getCallerPrincipal().getName();
  }

  void record(AuditAction action, String detail) {
    trail.append(new AuditRecord(Instant.now(), user(), action, Optional.empty(), detail));
  }
}
