// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One command from the application to FreeSWITCH: a command line, optional header lines, and an
 * optional body announced by {@code content-length}. A {@code sendmsg} that runs a dialplan
 * application reads:
 *
 * <pre>
 * sendmsg
 * call-command: execute
 * execute-app-name: playback
 * execute-app-arg: /var/lib/phonebank/prompts/en/welcome.wav
 * event-uuid: 5bb2b6da-8032-44cb-8bd9-5f27b5109d2f
 * event-lock: true
 *
 * </pre>
 *
 * Line breaks are refused everywhere but in the body: one in an argument would smuggle in a header
 * or a whole second command.
 */
public final class EslCommand {

  private final String line;
  private final List<EslHeader> headers;
  private final byte[] body;

  public EslCommand(String line, List<EslHeader> headers, byte[] body) {
    Objects.requireNonNull(line, "Command line is required.");
    Objects.requireNonNull(headers, "Command headers are required (empty when none).");
    Objects.requireNonNull(body, "Command body is required (empty when none).");
    if (line.isBlank() || EslHeader.hasLineBreak(line)) {
      throw new IllegalArgumentException("Command line must be one non-blank line.");
    }
    for (EslHeader header : headers) {
      if (EslHeader.hasLineBreak(header.value())) {
        throw new IllegalArgumentException(
            "Command header " + header.name() + " holds a line break.");
      }
      if (header.name().equalsIgnoreCase("content-length")) {
        throw new IllegalArgumentException("Content-length is set from the body, not given.");
      }
    }
    this.line = line;
    this.headers = List.copyOf(headers);
    this.body = body.clone();
  }

  /** A command of one line, such as {@code connect}, {@code myevents} or {@code linger}. */
  public static EslCommand of(String line) {
    return new EslCommand(line, List.of(), new byte[0]);
  }

  /**
   * {@code sendmsg} running dialplan application {@code app} with {@code arg}. FreeSWITCH echoes
   * {@code eventUuid} as {@code Application-UUID} in the application's CHANNEL_EXECUTE_COMPLETE,
   * which is how the caller finds its completion among the call's events.
   */
  public static EslCommand execute(String app, String arg, String eventUuid) {
    List<EslHeader> headers = new ArrayList<>();
    headers.add(new EslHeader("call-command", "execute"));
    headers.add(new EslHeader("execute-app-name", app));
    if (!arg.isEmpty()) {
      headers.add(new EslHeader("execute-app-arg", arg));
    }
    headers.add(new EslHeader("event-uuid", eventUuid));
    headers.add(new EslHeader("event-lock", "true"));
    return new EslCommand("sendmsg", headers, new byte[0]);
  }

  public String line() {
    return line;
  }

  /** The command word: {@code sendmsg} for {@code sendmsg <uuid>}. */
  public String name() {
    int space = line.indexOf(' ');
    return space < 0 ? line : line.substring(0, space);
  }

  public List<EslHeader> headers() {
    return headers;
  }

  /** The first header of that name, ignoring case. */
  public Optional<String> header(String name) {
    return EslHeader.first(headers, name);
  }

  public byte[] body() {
    return body.clone();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "EslCommand["
        + name()
        + ", "
        + headers.size()
        + " headers, "
        + body.length
        + " body bytes]";
  }
}
