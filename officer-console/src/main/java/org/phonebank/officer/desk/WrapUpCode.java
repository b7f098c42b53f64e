// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk;

import java.util.Arrays;
import java.util.Optional;

/** How an officer sums a handled call up; a fixed list, so the figures can count them. */
public enum WrapUpCode {
  RESOLVED("Resolved"),
  INFORMATION_GIVEN("Information given"),
  TRANSACTION_QUERY("Transaction query answered"),
  DECLINE_EXPLAINED("Decline explained"),
  LOCKOUT_LIFTED("Lockout lifted"),
  CARD_BLOCKED("Card blocked"),
  COMPLAINT("Complaint recorded"),
  CALL_BACK("Call back needed"),
  NO_ACTION("No action");

  private final String words;

  WrapUpCode(String words) {
    this.words = words;
  }

  public String words() {
    return words;
  }

  /** The code named exactly so, or empty. */
  public static Optional<WrapUpCode> named(String name) {
    return Arrays.stream(values()).filter(code -> code.name().equals(name)).findFirst();
  }
}
