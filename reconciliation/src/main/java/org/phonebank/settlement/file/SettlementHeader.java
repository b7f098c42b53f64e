// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.file;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * The head of a settlement file: which switch wrote it, for which terminal and business date, the
 * cut-over that closed that date (local time in the bank's zone) and when it was written.
 */
public record SettlementHeader(
    String switchId,
    String terminalId,
    LocalDate businessDate,
    LocalTime cutOver,
    Instant createdAt) {

  public SettlementHeader {
    Objects.requireNonNull(switchId, "Switch id is required.");
    Objects.requireNonNull(terminalId, "Terminal id is required.");
    Objects.requireNonNull(businessDate, "Business date is required.");
    Objects.requireNonNull(cutOver, "Cut-over is required.");
    Objects.requireNonNull(createdAt, "Creation time is required.");
    if (!switchId.matches("[0-9]{1,11}")) {
      throw new IllegalArgumentException("A switch id is 1 to 11 digits (field 32 style).");
    }
    if (!terminalId.matches("[\\x21-\\x7E]{1,8}") || terminalId.contains("|")) {
      throw new IllegalArgumentException("A terminal id is 1 to 8 printable characters.");
    }
  }
}
