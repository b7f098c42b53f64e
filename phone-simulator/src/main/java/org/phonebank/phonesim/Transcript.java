// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import java.util.List;
import java.util.Objects;

/**
 * What a simulated call sounded like: {@code "IVR: <words>"} for each prompt played and {@code
 * "CALLER: ..."} for what the caller did, never the digits of a card or a PIN, and how it ended.
 */
public final class Transcript {

  private static final String IVR = "IVR:    ";

  /** How a simulated call ended. */
  public enum Ending {
    /** The phone bank hung up: the normal end of every call. */
    APP_HUNG_UP("the phone bank hung up"),
    /** The script made the caller hang up, or ran out while the phone bank still asked for keys. */
    CALLER_HUNG_UP("the caller hung up"),
    /** The phone bank handed the call to another extension (an officer) and let go of it. */
    TRANSFERRED("the call was transferred"),
    /** No connection, a malformed command, a timeout, or the socket closed without a hang-up. */
    ERROR("error");

    private final String description;

    Ending(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private final String callId;
  private final List<String> lines;
  private final List<String> applications;
  private final int dtmfEvents;
  private final Ending ending;
  private final String detail;

  Transcript(
      String callId,
      List<String> lines,
      List<String> applications,
      int dtmfEvents,
      Ending ending,
      String detail) {
    this.callId = Objects.requireNonNull(callId);
    this.lines = List.copyOf(lines);
    this.applications = List.copyOf(applications);
    this.dtmfEvents = dtmfEvents;
    this.ending = Objects.requireNonNull(ending);
    this.detail = Objects.requireNonNull(detail);
  }

  /** The channel UUID the simulator gave the call (the phone bank's call id). */
  public String callId() {
    return callId;
  }

  public List<String> lines() {
    return lines;
  }

  /** The words of every prompt played, in order, without the {@code IVR:} label. */
  public List<String> spokenTexts() {
    return lines.stream()
        .filter(line -> line.startsWith(IVR))
        .map(line -> line.substring(IVR.length()))
        .toList();
  }

  /** Each dialplan application the phone bank ran, as {@code "<name> <argument>"}, in order. */
  public List<String> applications() {
    return applications;
  }

  /**
   * How many DTMF events the simulated FreeSWITCH raised: one per key read that was queued while
   * {@code sensitive_dtmf} was not true.
   */
  public int dtmfEvents() {
    return dtmfEvents;
  }

  public Ending ending() {
    return ending;
  }

  /**
   * Why the call ended, in a few words ("the phone bank hung up", "timed out after PT60S", ...).
   */
  public String detail() {
    return detail;
  }

  static String ivr(String words) {
    return IVR + words;
  }

  static String caller(String action) {
    return "CALLER: " + action;
  }

  @Override
  public String toString() {
    return String.join("\n", lines) + "\n--- " + detail;
  }
}
