// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.phonebank.callpath.CallEnding;
import org.phonebank.callpath.CallPath;

/**
 * The IVR path of one call as it happens: steps such as {@code main-menu} or {@code
 * transfer:confirmed}, then how and why the call ended. Steps are names chosen by the flows, never
 * what the caller keyed. Until a flow says otherwise a call that stops is taken to be the caller
 * leaving.
 */
public final class PathLog {

  private final String callId;
  private final Instant startedAt;
  private final List<String> steps = new ArrayList<>();
  private String language;
  private CallEnding ending = CallEnding.CALLER_LEFT;
  private String reason = "hung up";
  private boolean served;
  private String maskedCaller;

  public PathLog(String callId, Instant startedAt) {
    this.callId = Objects.requireNonNull(callId, "Call id is required.");
    this.startedAt = Objects.requireNonNull(startedAt, "Start time is required.");
  }

  public void visit(String step) {
    steps.add(Objects.requireNonNull(step, "Step is required."));
  }

  /** The caller's number as the network gave it; only its last four digits are kept. */
  public void caller(String number) {
    this.maskedCaller = CallPath.maskCaller(number);
  }

  public void language(String code) {
    this.language = code;
  }

  /** How the call ended; the last word wins, so a flow may refine an earlier ending. */
  public void ended(CallEnding how, String why) {
    this.ending = Objects.requireNonNull(how, "Ending is required.");
    this.reason = why;
  }

  /**
   * Something the caller asked for was done; a later hang-up then counts as the caller being
   * served.
   */
  public void served(String what) {
    served = true;
    ended(CallEnding.SERVED, what);
  }

  /** The caller hung up: where, and whether anything had been done for them by then. */
  public void hungUp() {
    String where = steps.isEmpty() ? "answer" : steps.get(steps.size() - 1);
    ended(served ? CallEnding.SERVED : CallEnding.CALLER_LEFT, "hung up at " + where);
  }

  public String reason() {
    return reason;
  }

  public CallEnding ending() {
    return ending;
  }

  public List<String> steps() {
    return List.copyOf(steps);
  }

  public CallPath toPath(Instant endedAt) {
    return new CallPath(callId, language, steps, ending, reason, startedAt, endedAt, maskedCaller);
  }
}
