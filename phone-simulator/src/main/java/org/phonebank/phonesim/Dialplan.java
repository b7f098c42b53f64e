// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.phonebank.call.esl.PeerSecret;

/**
 * The channel variables FreeSWITCH's dialplan sets before {@code socket}, which every simulated
 * call starts with: by default those of the dialplan shipped in docs/freeswitch.md, whose hang-up
 * hook clears the collected secrets before the CDR is written.
 *
 * @param variables name to value, in the order the dialplan sets them
 */
public record Dialplan(Map<String, String> variables) {

  /**
   * The shipped hook, exactly as docs/freeswitch.md sets it ({@code DialplanDocumentedTest} holds
   * the two together): inline Lua given the hung-up session, deleting each secret variable.
   */
  public static final String HANGUP_HOOK =
      "lua ~session:setVariable('pb_secret','');session:setVariable('pb_secret_invalid','');"
          + "session:setVariable('pb_esl_secret','')";

  public Dialplan {
    variables = Map.copyOf(Objects.requireNonNull(variables, "Dialplan variables are required."));
  }

  /**
   * docs/freeswitch.md's dialplan: {@code session_in_hangup_hook=true}, the {@link #HANGUP_HOOK},
   * then the peer secret (none when {@code peerSecret} is null).
   */
  public static Dialplan shipped(String peerSecret) {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put(HangupHook.WITH_SESSION_VARIABLE, "true");
    variables.put(HangupHook.HOOK_VARIABLE, HANGUP_HOOK);
    if (peerSecret != null) {
      variables.put(PeerSecret.CHANNEL_VARIABLE, peerSecret);
    }
    return new Dialplan(variables);
  }

  /** A dialplan that only sets the peer secret: what was shipped before the hang-up hook. */
  public static Dialplan withoutHangupHook(String peerSecret) {
    return new Dialplan(
        peerSecret == null ? Map.of() : Map.of(PeerSecret.CHANNEL_VARIABLE, peerSecret));
  }

  /** This dialplan with {@code name} set to {@code value} as well (or instead). */
  public Dialplan with(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(variables);
    more.put(name, value);
    return new Dialplan(more);
  }

  @Override
  public String toString() {
    // The peer secret is among the values.
    return "Dialplan" + variables.keySet();
  }
}
