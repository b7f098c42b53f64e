// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

/**
 * The call is gone: the caller hung up, or the line to the telephony switch broke. Any {@link
 * Phone} operation may throw it; the flow does not catch it, the call runner does, and ends the
 * call cleanly.
 */
public class CallerHungUp extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CallerHungUp(String reason) {
    super(reason);
  }

  public CallerHungUp(String reason, Throwable cause) {
    super(reason, cause);
  }
}
