// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

/**
 * Hears what happens on one simulated call, on that call's event loop thread, so a listener needs
 * no locking for its own state. A load driver uses it to time the phone bank's reactions; the key
 * values themselves are never passed on.
 */
public interface CallListener {

  /** A listener that hears nothing. */
  CallListener NONE = new CallListener() {};

  /**
   * The completion carrying the caller's keys of script group {@code step} (1-based, counting every
   * group of the script) is about to be written to the socket.
   *
   * @param sensitive whether the phone bank had set {@code sensitive_dtmf} for this entry
   */
  default void keysDelivered(int step, boolean sensitive, long nanoTime) {}

  /**
   * A command from the phone bank has just been read: for {@code sendmsg} the dialplan application
   * ({@code playback}, {@code play_and_get_digits}, {@code set}, {@code hangup}, ...), otherwise
   * the command itself ({@code connect}, {@code myevents}, ...).
   *
   * @param argument the application's argument ({@code execute-app-arg}: for a prompt, the file it
   *     plays), empty for none and for commands other than {@code sendmsg}
   */
  default void commandReceived(String name, String argument, long nanoTime) {}

  /** The call is over; called exactly once. */
  default void ended(Transcript transcript) {}
}
