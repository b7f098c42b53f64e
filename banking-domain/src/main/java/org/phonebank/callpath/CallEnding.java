// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.callpath;

/**
 * How a call left the IVR. SERVED and CALLER_LEFT count as contained; ESCALATED went to an officer.
 */
public enum CallEnding {
  SERVED,
  ESCALATED,
  CALLER_LEFT,
  GAVE_UP,
  LOCKED_OUT,
  FAILED
}
