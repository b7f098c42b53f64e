// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.report;

import java.util.Objects;

/**
 * One figure of the proof: what the switch's trailer or subtotal line stated, and what the loaded
 * detail lines add up to now (a count, or an amount in rials).
 */
public record ControlTie(String figure, long stated, long computed) {

  public ControlTie {
    Objects.requireNonNull(figure, "Figure is required.");
  }

  public boolean ties() {
    return stated == computed;
  }
}
