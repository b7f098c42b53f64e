// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer;

/** Roles of the consoles; mapped to the server realm's groups of the same name. */
public final class OfficerRoles {

  /** Takes escalated calls at the desk, lifts lockouts. */
  public static final String OFFICER = "officer";

  /** Oversees the queues on the wallboard; lifts lockouts. */
  public static final String SUPERVISOR = "supervisor";

  /** Back office (settlement and reconciliation); no access to callers' contexts. */
  public static final String BACKOFFICE = "backoffice";

  private OfficerRoles() {}
}
