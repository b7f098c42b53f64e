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
 * transfer:confirmed}. The caller's number, when the network gave one, is kept masked to its last
 * four digits ({@code *******4567}), for the back office tracing an item to its call.
 */
public record CallPath(
    String callId,
    String language,
    List<String> steps,
    CallEnding ending,
    String leaveReason,
    Instant startedAt,
    Instant endedAt,
    String maskedCaller) {

  // Six digits in a row could be part of a card number or a PIN: a path never holds them.
  private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{6,}");
  private static final Pattern MASKED_CALLER = Pattern.compile("\\*{0,12}[0-9]{1,4}");

  /** A path of a call whose caller's number is unknown. */
  public CallPath(
      String callId,
      String language,
      List<String> steps,
      CallEnding ending,
      String leaveReason,
      Instant startedAt,
      Instant endedAt) {
    this(callId, language, steps, ending, leaveReason, startedAt, endedAt, null);
  }

  /**
   * {@code number}'s digits with all but the last four starred ({@code 09121234567} gives {@code
   * *******4567}); null when it has no digits. Only the last 16 digits are kept.
   */
  public static String maskCaller(String number) {
    if (number == null) {
      return null;
    }
    String digits = number.replaceAll("[^0-9]", "");
    if (digits.isEmpty()) {
      return null;
    }
    if (digits.length() > 16) {
      digits = digits.substring(digits.length() - 16);
    }
    int shown = Math.min(4, digits.length());
    return "*".repeat(digits.length() - shown) + digits.substring(digits.length() - shown);
  }

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
    if (maskedCaller != null && !MASKED_CALLER.matcher(maskedCaller).matches()) {
      throw new IllegalArgumentException("A caller is kept masked to its last four digits.");
    }
  }
}
