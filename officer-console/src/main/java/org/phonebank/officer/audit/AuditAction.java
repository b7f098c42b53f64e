// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.audit;

/** What a console user did that the audit trail records. */
public enum AuditAction {
  /** Opened a caller's banking context (the screen-pop). */
  VIEW_CONTEXT,
  /** Took an offered call. */
  ACCEPT,
  /** Turned an offered call down. */
  REFUSE,
  /** Sent the caller they talked to to another queue or officer. */
  TRANSFER,
  /** Wrote a handled call up (code and note). */
  WRAP_UP,
  /** Changed their own state: ready, away. */
  STATUS,
  /** Lifted a card's phone-channel lockout. */
  UNLOCK,
  /** Back office: uploaded a settlement file (loaded, duplicate or quarantined). */
  SETTLEMENT_UPLOAD,
  /** Back office: started or restarted a reconciliation run. */
  RECONCILIATION_RUN,
  /** Back office: opened an item's chain (line, journal entry, call). */
  VIEW_ITEM,
  /** Back office: resolved an exception (the resolution itself is in the worklist). */
  RESOLVE_ITEM
}
