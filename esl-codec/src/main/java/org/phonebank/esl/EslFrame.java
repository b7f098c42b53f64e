// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One message from FreeSWITCH to the application: header lines in their order, then a body of
 * exactly {@code Content-Length} bytes when that header is present. Header values are kept as sent;
 * only the {@code connect} reply's channel data and event bodies are URL-encoded (see {@link
 * #channelData()} and {@link #event()}). A {@code text/event-plain} frame's event is parsed when
 * the frame is made, so a malformed event is refused as early as a malformed frame.
 */
public final class EslFrame {

  public static final String COMMAND_REPLY = "command/reply";
  public static final String API_RESPONSE = "api/response";
  public static final String EVENT_PLAIN = "text/event-plain";
  public static final String DISCONNECT_NOTICE = "text/disconnect-notice";

  private final List<EslHeader> headers;
  private final byte[] body;
  private final int bodyLength;
  private final EslEvent event;

  /**
   * @throws IllegalArgumentException if a value holds a line break, the Content-Length header does
   *     not state the body's length, or a plain event body is malformed
   */
  public EslFrame(List<EslHeader> headers, byte[] body) {
    this(headers, Objects.requireNonNull(body, "Frame body is required.").clone(), Set.of());
  }

  /**
   * A frame that takes {@code body} as its own (no copy). Its event's variables named in {@code
   * secretVariables} are parsed as secrets ({@link EslEvent#parse(byte[], Set)}); when there were
   * any, the body is zeroed at once and the frame keeps only its length, so the raw bytes of a PIN
   * outlive the parsing in no array.
   */
  EslFrame(List<EslHeader> headers, byte[] body, Set<String> secretVariables) {
    this.headers = List.copyOf(Objects.requireNonNull(headers, "Frame headers are required."));
    Objects.requireNonNull(body, "Frame body is required (empty when none).");
    this.bodyLength = body.length;
    for (EslHeader header : this.headers) {
      if (EslHeader.hasLineBreak(header.value())) {
        throw new IllegalArgumentException(
            "Frame header " + header.name() + " holds a line break.");
      }
    }
    String declared = header("Content-Length").orElse(null);
    if (declared == null ? body.length > 0 : ContentLength.parse(declared) != body.length) {
      throw new IllegalArgumentException("Content-Length must state the body's length.");
    }
    EslEvent parsed = null;
    try {
      parsed = EVENT_PLAIN.equals(contentType()) ? EslEvent.parse(body, secretVariables) : null;
    } finally {
      if (parsed == null && !secretVariables.isEmpty() && EVENT_PLAIN.equals(contentType())) {
        // A malformed event may have held a secret too.
        Arrays.fill(body, (byte) 0);
      }
    }
    this.event = parsed;
    if (parsed != null && parsed.hasSecrets()) {
      Arrays.fill(body, (byte) 0);
      this.body = new byte[0];
    } else {
      this.body = body;
    }
  }

  /** A frame of headers alone, such as a {@code command/reply}. */
  public static EslFrame of(List<EslHeader> headers) {
    return new EslFrame(headers, new byte[0]);
  }

  /** A frame with a body: Content-Length first, then {@code headers}, as FreeSWITCH orders them. */
  public static EslFrame withBody(List<EslHeader> headers, byte[] body) {
    List<EslHeader> all = new ArrayList<>(headers.size() + 1);
    all.add(new EslHeader("Content-Length", Integer.toString(body.length)));
    all.addAll(headers);
    return new EslFrame(all, body);
  }

  /**
   * {@code Content-Type: command/reply} with the given Reply-Text, such as {@code +OK will linger}.
   */
  public static EslFrame ofCommandReply(String replyText) {
    return of(
        List.of(
            new EslHeader("Content-Type", COMMAND_REPLY), new EslHeader("Reply-Text", replyText)));
  }

  /** A {@code text/event-plain} frame carrying {@code event}, its values URL-encoded. */
  public static EslFrame ofEvent(EslEvent event) {
    return withBody(List.of(new EslHeader("Content-Type", EVENT_PLAIN)), event.encode());
  }

  public List<EslHeader> headers() {
    return headers;
  }

  /** The first header of that name, ignoring case, its value as sent. */
  public Optional<String> header(String name) {
    return EslHeader.first(headers, name);
  }

  /** {@code Content-Type}, or empty text when the frame has none. */
  public String contentType() {
    return header("Content-Type").orElse("");
  }

  public boolean isCommandReply() {
    return COMMAND_REPLY.equals(contentType());
  }

  public boolean isEvent() {
    return event != null;
  }

  public boolean isDisconnectNotice() {
    return DISCONNECT_NOTICE.equals(contentType());
  }

  /** Reply-Text decoded and trimmed: the {@code connect} reply encodes it as {@code %2BOK%0A}. */
  public String replyText() {
    return EslUrlCoding.decode(header("Reply-Text").orElse("")).trim();
  }

  /**
   * Whether a command reply accepted the command ({@code +OK}); {@code -ERR} and anything else is
   * not.
   */
  public boolean replyOk() {
    return replyText().startsWith("+OK");
  }

  /** The event of a {@code text/event-plain} frame. */
  public EslEvent event() {
    if (event == null) {
      throw new IllegalStateException("Not a text/event-plain frame: " + contentType());
    }
    return event;
  }

  /**
   * This frame's own headers read as channel data, values decoded: how the {@code connect} reply
   * comes.
   */
  public EslEvent channelData() {
    return EslEvent.ofEncodedHeaders(headers);
  }

  public byte[] body() {
    return body.clone();
  }

  /** The body's length as received, also for a frame whose body was zeroed for its secrets. */
  public int bodyLength() {
    return bodyLength;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    // Channel data and events carry variables, collected digits among them: describe, never print.
    return "EslFrame["
        + contentType()
        + ", "
        + headers.size()
        + " headers, "
        + bodyLength
        + " body bytes]";
  }
}
