// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement;

import java.time.LocalDate;
import java.util.Objects;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;

/**
 * What ties a journal entry to a settlement record: RRN (37), STAN (11), terminal (41), local date
 * (13).
 */
public record MatchKey(Rrn rrn, Stan stan, String terminalId, LocalDate localDate) {

  public MatchKey {
    Objects.requireNonNull(rrn, "RRN is required.");
    Objects.requireNonNull(stan, "STAN is required.");
    Objects.requireNonNull(terminalId, "Terminal id is required.");
    Objects.requireNonNull(localDate, "Local date is required.");
  }

  @Override
  public String toString() {
    return terminalId + "/" + localDate + "/" + stan + "/" + rrn;
  }
}
