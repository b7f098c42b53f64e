// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

/** How a queue entry ended. */
public enum EntryEnd {
  /** The caller talked to an officer and the call ended. */
  COMPLETED,
  /** The caller hung up before an officer answered. */
  ABANDONED,
  /** The node holding the caller's line stopped; recorded by the system, not by a person. */
  SYSTEM,
  /** Called back and bridged to an officer. */
  CALLBACK_COMPLETED,
  /** Called back the configured number of times without an answer. */
  CALLBACK_FAILED,
  /** Not called back within the configured expiry. */
  CALLBACK_EXPIRED,
  /** The caller called the phone bank again and reached the queues before being called back. */
  CALLBACK_CANCELLED
}
