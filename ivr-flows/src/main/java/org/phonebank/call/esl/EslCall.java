// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import java.lang.System.Logger.Level;
import org.phonebank.call.CallFlow;
import org.phonebank.call.CallerHungUp;

/**
 * One admitted call from FreeSWITCH's {@code connect} reply to the closed socket, run on the flow
 * executor: ask for the call's events, ask FreeSWITCH to linger after hang-up, unset the peer
 * secret (every later event would carry it to any event listener), run the flow, then make sure the
 * call is hung up and the socket closed, however the flow ended.
 */
final class EslCall implements Runnable {

  private static final System.Logger LOG = System.getLogger(EslCall.class.getName());

  private final EslLine line;
  private final String callId;
  private final String callerNumber;
  private final CallFlow flow;
  private final PromptPaths paths;

  /**
   * @param callId the connect reply's Unique-ID, already checked
   * @param callerNumber the connect reply's Caller-Caller-ID-Number, or null when it has none
   */
  EslCall(EslLine line, String callId, String callerNumber, CallFlow flow, PromptPaths paths) {
    this.line = line;
    this.callId = callId;
    this.callerNumber = callerNumber;
    this.flow = flow;
    this.paths = paths;
  }

  @Override
  public void run() {
    boolean flowStarted = false;
    boolean flowFailed = false;
    try {
      LOG.log(Level.DEBUG, "Call {0} started.", callId);
      line.command("myevents");
      line.command("linger");
      line.execute("unset", PeerSecret.CHANNEL_VARIABLE);
      flowStarted = true;
      flow.handle(new EslPhone(line, callId, paths, callerNumber));
    } catch (CallerHungUp over) {
      if (!flowStarted && line.end() == CallEnd.COMMAND_REJECTED) {
        LOG.log(
            Level.WARNING,
            "Call {0}: FreeSWITCH refused myevents or linger; the dialplan must say"
                + " <action application=\"socket\" data=\"host:port async full\"/>.",
            callId);
      }
    } catch (RuntimeException e) {
      flowFailed = true;
      LOG.log(Level.WARNING, "Call " + callId + ": the call flow failed.", e);
    } finally {
      line.hangUp();
      line.close();
      CallEnd end = flowFailed ? CallEnd.FLOW_FAILED : line.end();
      // One INFO line per call: the flow's own ending line once it ran, this one for a call that
      // never reached it. DEBUG is java.util.logging's FINE.
      LOG.log(
          flowStarted ? Level.DEBUG : Level.INFO,
          "Call {0} ended: {1}.",
          callId,
          end.description());
    }
  }
}
