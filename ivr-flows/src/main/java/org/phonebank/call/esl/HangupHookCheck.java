// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.phonebank.esl.EslEvent;

/**
 * Whether FreeSWITCH's dialplan set the hang-up hook of docs/freeswitch.md before {@code socket}:
 * without it, a caller who hangs up while keying a PIN or card number leaves the keys in {@code
 * pb_secret} for the CDR, since the phone bank's {@code unset} never runs. The {@code connect}
 * reply carries every channel variable, so the phone bank can tell, and says so once per server in
 * the log; the call is served either way (the hook is FreeSWITCH's configuration).
 */
final class HangupHookCheck {

  private static final System.Logger LOG = System.getLogger(HangupHookCheck.class.getName());

  /** What {@code switch_true} (src/include/switch_utils.h) reads as true, numbers aside. */
  private static final Set<String> TRUE =
      Set.of("yes", "on", "true", "t", "enabled", "active", "allow");

  private final AtomicBoolean warned = new AtomicBoolean();

  /**
   * True when {@code api_hangup_hook} names {@code pb_secret} and {@code session_in_hangup_hook}
   * hands it the session, without which no command can change a hung-up channel's variables.
   */
  static boolean clearsSecrets(EslEvent channelData) {
    String hook = channelData.variable("api_hangup_hook").orElse("");
    String withSession =
        channelData.variable("session_in_hangup_hook").orElse("").toLowerCase(Locale.ROOT);
    boolean sessionGiven = TRUE.contains(withSession) || withSession.matches("-?0*[1-9][0-9]*");
    return sessionGiven && hook.contains("'" + EslPhone.SECRET_VARIABLE + "'");
  }

  /** Logs a warning the first time a call's channel data shows no such hook. */
  void check(EslEvent channelData) {
    if (!clearsSecrets(channelData) && warned.compareAndSet(false, true)) {
      LOG.log(
          Level.WARNING,
          "FreeSWITCH's dialplan sets no hang-up hook clearing pb_secret (api_hangup_hook with"
              + " session_in_hangup_hook=true): a caller who hangs up while keying a PIN leaves it"
              + " in FreeSWITCH's CDR. See docs/freeswitch.md. Said once.");
    }
  }
}
