// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import java.util.List;
import java.util.Map;
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
  private Map<String, String> atHangup = Map.of();
  private Map<String, String> atReporting = Map.of();
  private String hookOutcome = "";

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

  /** The same transcript with what the channel's variables were at and after the hang-up. */
  Transcript withHangup(
      Map<String, String> atHangup, Map<String, String> atReporting, String hookOutcome) {
    this.atHangup = Map.copyOf(atHangup);
    this.atReporting = Map.copyOf(atReporting);
    this.hookOutcome = Objects.requireNonNull(hookOutcome);
    return this;
  }

  /**
   * The channel variables CHANNEL_HANGUP carried (FreeSWITCH raises it when the call is hung up,
   * before any hang-up hook runs); empty when the channel was not hung up (a transfer, an error).
   */
  public Map<String, String> variablesAtHangup() {
    return atHangup;
  }

  /**
   * The channel variables of the reporting state, after the {@code api_hangup_hook}: what the CDR
   * modules write and CHANNEL_HANGUP_COMPLETE carries.
   */
  public Map<String, String> cdrVariables() {
    return atReporting;
  }

  /** What the hang-up hook answered ({@code +OK ...}, {@code -ERR ...}, or that there was none). */
  public String hangupHookOutcome() {
    return hookOutcome;
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
