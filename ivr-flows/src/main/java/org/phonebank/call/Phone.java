// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.time.Duration;
import java.util.Optional;
import org.phonebank.prompt.Prompt;

/**
 * One caller's telephone line, as a flow sees it. Every method blocks until the telephony switch
 * has done the thing, and throws {@link CallerHungUp} if the call ended meanwhile. The Event Socket
 * adapter implements it for FreeSWITCH; tests implement it with a script of key presses.
 */
public interface Phone {

  /** A stable id of this call (FreeSWITCH's channel UUID), for the journal and the call record. */
  String callId();

  void answer();

  void play(Prompt prompt);

  KeypadEntry collect(DigitCollection request);

  /**
   * Like {@link #collect} but for a PIN or a card number: the telephony switch is told the digits
   * are sensitive (not logged, no DTMF events) and whatever variable held them is cleared at once.
   */
  SecretEntry collectSecret(DigitCollection request);

  /**
   * Hands the call to {@code destination}, a dialplan extension (an officers' queue): the phone
   * bank is done with the call afterwards and must not use the line again.
   */
  void transferTo(String destination);

  /**
   * Rings {@code endpoint} (a FreeSWITCH dial string such as {@code user/1001}) for at most {@code
   * ringFor} and, if it answers, connects the caller to it until one of them hangs up. The caller's
   * line stays with the phone bank afterwards.
   *
   * @param answered run once, on the calling thread, the moment the far end answers and the two are
   *     connected: the conversation that follows may last long past any ring time, and the queues
   *     must know the officer is talking before it ends. Not run for any other outcome; an
   *     exception it throws is logged and the conversation goes on.
   * @return how it ended; {@link BridgeOutcome#TALKED} only after the conversation is over
   */
  BridgeOutcome bridge(String endpoint, Duration ringFor, Runnable answered);

  /**
   * {@link #bridge(String, Duration, Runnable)} with the far end's leg named {@code legId} (a
   * UUID), so that the phone bank can end that leg from elsewhere (an officer refusing or
   * transferring on the console; FreeSWITCH {@code origination_uuid}, then {@code uuid_kill}). A
   * phone that cannot name legs simply bridges.
   */
  default BridgeOutcome bridge(String endpoint, String legId, Duration ringFor, Runnable answered) {
    return bridge(endpoint, ringFor, answered);
  }

  /** The caller's number as the network gave it (caller id), if any. */
  Optional<String> callerNumber();

  void hangUp();
}
