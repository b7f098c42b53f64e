// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.audit;

import java.util.List;

/**
 * The console's append-only audit trail: every view of a caller's context and every action. The
 * port has no way to change or remove a record, so no console can edit the trail.
 */
public interface AuditTrail {

  void append(AuditRecord record);

  /** The newest {@code limit} records, newest first. */
  List<AuditRecord> newest(int limit);
}
