// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk;

import java.util.List;

/**
 * Where an officer may send a caller, for the desk's transfer form: the queues in configured order
 * and the other officers' ids.
 */
public record TransferTargets(List<String> queues, List<String> officers) {

  public TransferTargets {
    queues = List.copyOf(queues);
    officers = List.copyOf(officers);
  }
}
