// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.callpath;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What happened on one call, for an officer taking an escalated call and for containment figures:
 * the language, the menus and services visited in order, how the call ended and why the caller
 * left. It never holds digits a caller typed; steps are names such as {@code main-menu} or {@code
 * transfer:confirmed}.
 */
public record CallPath(
    String callId,
    String language,
    List<String> steps,
    CallEnding ending,
    String leaveReason,
    Instant startedAt,
    Instant endedAt) {

  // Six digits in a row could be part of a card number or a PIN: a path never holds them.
  private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{6,}");

  public CallPath {
    Objects.requireNonNull(callId, "Call id is required.");
    Objects.requireNonNull(ending, "Ending is required.");
    Objects.requireNonNull(startedAt, "Start time is required.");
    Objects.requireNonNull(endedAt, "End time is required.");
    steps = List.copyOf(steps);
    for (String step : steps) {
      if (DIGIT_RUN.matcher(step).find()) {
        throw new IllegalArgumentException("A call path step must not hold caller digits.");
      }
    }
    if (leaveReason != null && DIGIT_RUN.matcher(leaveReason).find()) {
      throw new IllegalArgumentException("A leave reason must not hold caller digits.");
    }
  }
}
