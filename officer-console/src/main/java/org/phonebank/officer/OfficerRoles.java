// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer;

/** Roles of the officers' console; mapped to the server realm's groups of the same name. */
public final class OfficerRoles {

  public static final String OFFICER = "officer";

  private OfficerRoles() {}
}
