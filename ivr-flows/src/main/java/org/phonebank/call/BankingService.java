// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

/** One service of the main menu, run for an authenticated caller. */
@FunctionalInterface
public interface BankingService {

  /** Runs the service to its end and says where the call goes next. */
  Next serve(Session session);
}
