// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FreeSWITCH's {@code api_hangup_hook}, run as signalwire/freeswitch (commit cc93a683) runs it, for
 * the commands the phone bank's dialplan may give it. {@code switch_core_session_hangup_state}
 * (src/switch_core_state_machine.c) calls {@code api_hook} after the hang-up state handlers and
 * before the reporting state, where the CDR modules ({@code mod_xml_cdr}, {@code mod_cdr_csv}:
 * their {@code on_reporting}) and CHANNEL_HANGUP_COMPLETE take the channel's variables. {@code
 * api_hook} splits the command at {@code ::} or the first space, expands {@code ${var}} in the
 * argument and hands the session to the API only when {@code session_in_hangup_hook} is true.
 *
 * <ul>
 *   <li>{@code lua ~<code>}: mod_lua's {@code lua_api_function} runs inline code ({@code ~}, {@code
 *       lua_parse_and_execute}) with the global {@code session} only when it was given one ({@code
 *       mod_lua_conjure_session}); that {@code Session} takes its lock with {@code
 *       switch_core_session_read_lock_hangup} (src/switch_core_rwlock.c), which a hung-up channel
 *       grants until CS_DESTROY, and {@code session:setVariable(name, '')} deletes the variable
 *       ({@code switch_channel_set_variable_var_check}: an empty value deletes). Only statements of
 *       that form are simulated; without a session the first one fails, as {@code session} is nil.
 *   <li>{@code uuid_setvar} / {@code uuid_setvar_multi} (mod_commands.c) look the channel up with
 *       {@code switch_core_session_locate}, whose {@code switch_core_session_read_lock} refuses a
 *       channel that is down: they answer {@code -ERR No such channel!} and change nothing.
 * </ul>
 */
final class HangupHook {

  static final String HOOK_VARIABLE = "api_hangup_hook";
  static final String WITH_SESSION_VARIABLE = "session_in_hangup_hook";

  private static final Pattern SET_EMPTY =
      Pattern.compile("session:setVariable\\(\\s*'([A-Za-z0-9_]+)'\\s*,\\s*''\\s*\\)");
  private static final Pattern EXPANSION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)\\}");

  private HangupHook() {}

  /**
   * Runs the channel's hook, if any, on its hung-up variables and says what it did, as FreeSWITCH's
   * {@code Hangup Command ...} DEBUG line would.
   */
  static String run(Map<String, String> variables) {
    String hook = variables.get(HOOK_VARIABLE);
    if (hook == null || hook.isEmpty()) {
      return "no api_hangup_hook";
    }
    boolean withSession = switchTrue(variables.get(WITH_SESSION_VARIABLE));
    String command;
    String argument;
    int doubleColon = hook.indexOf("::");
    int space = hook.indexOf(' ');
    if (doubleColon >= 0 && (space < 0 || doubleColon < space)) {
      command = hook.substring(0, doubleColon);
      argument = hook.substring(doubleColon + 2);
    } else if (space >= 0) {
      command = hook.substring(0, space);
      argument = hook.substring(space + 1);
    } else {
      command = hook;
      argument = "";
    }
    argument = expand(argument, variables);
    return switch (command) {
      case "lua" -> lua(argument, variables, withSession);
      case "uuid_setvar", "uuid_setvar_multi" -> "-ERR No such channel!";
      default -> "-ERR the phone simulator does not run " + command;
    };
  }

  private static String lua(String code, Map<String, String> variables, boolean withSession) {
    if (!code.startsWith("~")) {
      return "-ERR the phone simulator runs only inline Lua (~...)";
    }
    int cleared = 0;
    for (String statement : code.substring(1).split(";")) {
      String trimmed = statement.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      Matcher set = SET_EMPTY.matcher(trimmed);
      if (!set.matches()) {
        return "-ERR the phone simulator does not run Lua " + trimmed;
      }
      if (!withSession) {
        return "-ERR Cannot execute script (attempt to index a nil value (global 'session'))";
      }
      variables.remove(set.group(1));
      cleared++;
    }
    return "+OK cleared " + cleared + " variables";
  }

  /**
   * {@code switch_true} (src/include/switch_utils.h): yes, on, true, t, enabled, active, allow, or
   * a number not 0.
   */
  static boolean switchTrue(String value) {
    if (value == null) {
      return false;
    }
    String v = value.toLowerCase(java.util.Locale.ROOT);
    if (v.matches("-?[0-9]+")) {
      return !v.matches("-?0+");
    }
    return switch (v) {
      case "yes", "on", "true", "t", "enabled", "active", "allow" -> true;
      default -> false;
    };
  }

  private static String expand(String text, Map<String, String> variables) {
    Matcher m = EXPANSION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(variables.getOrDefault(m.group(1), "")));
    }
    m.appendTail(out);
    return out.toString();
  }
}
