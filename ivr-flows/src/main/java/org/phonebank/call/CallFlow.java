// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

/** What the phone bank does with a call from answer to hang-up. Runs on its own thread per call. */
@FunctionalInterface
public interface CallFlow {

  void handle(Phone phone);
}
