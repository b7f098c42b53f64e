// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One FreeSWITCH event with its header values decoded, as carried in the body of a {@code
 * text/event-plain} frame. On the wire each value is URL-encoded and the headers end with a blank
 * line; an event that has a body of its own (a {@code BACKGROUND_JOB} result) adds {@code
 * Content-Length} before that blank line:
 *
 * <pre>
 * Event-Name: CHANNEL_EXECUTE_COMPLETE
 * Application-Response: FILE%20PLAYED
 * variable_read_result: success
 *
 * </pre>
 *
 * decodes to {@code eventName() = "CHANNEL_EXECUTE_COMPLETE"}, {@code
 * header("Application-Response") = "FILE PLAYED"} and {@code variable("read_result") = "success"}.
 * Header names are matched ignoring case, as FreeSWITCH does. Values may hold collected digits, so
 * {@link #toString()} prints none of them.
 */
public final class EslEvent {

  private static final String CONTENT_LENGTH = "Content-Length";

  /**
   * Most headers one event may carry. A CHANNEL_EXECUTE_COMPLETE carries every channel variable,
   * about 200 on a real call; a 1 MiB body of tiny headers would otherwise make 100,000 objects.
   */
  public static final int MAX_HEADERS = 1024;

  private final List<EslHeader> headers;
  private final byte[] body;

  /** An event from already decoded header values and its own body (usually empty). */
  public EslEvent(List<EslHeader> headers, byte[] body) {
    this.headers = List.copyOf(Objects.requireNonNull(headers, "Event headers are required."));
    this.body = Objects.requireNonNull(body, "Event body is required (empty when none).").clone();
  }

  public static EslEvent of(List<EslHeader> headers) {
    return new EslEvent(headers, new byte[0]);
  }

  /**
   * Reads headers whose values are still URL-encoded, as in the {@code connect} reply's channel
   * data.
   */
  public static EslEvent ofEncodedHeaders(List<EslHeader> encoded) {
    List<EslHeader> decoded = new ArrayList<>(encoded.size());
    for (EslHeader header : encoded) {
      decoded.add(new EslHeader(header.name(), EslUrlCoding.decode(header.value())));
    }
    return of(decoded);
  }

  /**
   * Parses the body of a {@code text/event-plain} frame. It is lenient with the form ESL clients
   * print (values already decoded, a multi-line SDP value holding a blank line): a line without
   * {@code ": "} continues the previous value, and without an inner Content-Length a blank line
   * does not end the event.
   *
   * @throws IllegalArgumentException when the inner Content-Length is not a number or overruns the
   *     body, or the event has more than {@link #MAX_HEADERS} headers
   */
  public static EslEvent parse(byte[] plainBody) {
    List<String> names = new ArrayList<>();
    List<StringBuilder> values = new ArrayList<>();
    int position = 0;
    while (position < plainBody.length) {
      int end = indexOfLineFeed(plainBody, position);
      String line = new String(plainBody, position, end - position, StandardCharsets.UTF_8);
      position = Math.min(end + 1, plainBody.length);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (isHeaderLine(line, colon)) {
        String name = line.substring(0, colon);
        String value = colon + 2 <= line.length() ? line.substring(colon + 2) : "";
        if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
          return new EslEvent(decode(names, values), ownBody(plainBody, position, value));
        }
        if (names.size() == MAX_HEADERS) {
          throw new IllegalArgumentException("Event with more than " + MAX_HEADERS + " headers.");
        }
        names.add(name);
        values.add(new StringBuilder(value));
      } else if (!values.isEmpty()) {
        values.get(values.size() - 1).append('\n').append(line);
      } else {
        throw new IllegalArgumentException("Event body does not start with a header line.");
      }
    }
    return of(decode(names, values));
  }

  private static int indexOfLineFeed(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return bytes.length;
  }

  /**
   * {@code Name: value} or {@code Name:}; an SDP line such as {@code a=rtpmap:0 PCMU/8000} is not
   * one.
   */
  private static boolean isHeaderLine(String line, int colon) {
    if (colon <= 0 || (colon + 1 < line.length() && line.charAt(colon + 1) != ' ')) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = line.charAt(i);
      if (c == ' ' || c == '=' || c == '\t') {
        return false;
      }
    }
    return true;
  }

  /** The event's own body: after the blank line that follows its inner Content-Length header. */
  private static byte[] ownBody(byte[] plainBody, int position, String declared) {
    if (!declared.matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException("Event Content-Length is not a number.");
    }
    int length = Integer.parseInt(declared);
    if (position >= plainBody.length
        || plainBody[position] != '\n'
        || plainBody.length - position - 1 < length) {
      throw new IllegalArgumentException("Event body does not match its Content-Length.");
    }
    return Arrays.copyOfRange(plainBody, position + 1, position + 1 + length);
  }

  private static List<EslHeader> decode(List<String> names, List<StringBuilder> values) {
    List<EslHeader> headers = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      headers.add(new EslHeader(names.get(i), EslUrlCoding.decode(values.get(i).toString())));
    }
    return headers;
  }

  /**
   * The plain wire form, URL-encoding every value: what FreeSWITCH puts in a text/event-plain body.
   */
  public byte[] encode() {
    StringBuilder text = new StringBuilder();
    for (EslHeader header : headers) {
      text.append(header.name())
          .append(": ")
          .append(EslUrlCoding.encode(header.value()))
          .append('\n');
    }
    if (body.length > 0) {
      text.append(CONTENT_LENGTH).append(": ").append(body.length).append('\n');
    }
    text.append('\n');
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + body.length);
    out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** {@code Event-Name}, or empty text when the event has none. */
  public String eventName() {
    return header("Event-Name").orElse("");
  }

  /** The first header of that name, ignoring case. */
  public Optional<String> header(String name) {
    return EslHeader.first(headers, name);
  }

  /** A channel variable, carried as the header {@code variable_<name>}. */
  public Optional<String> variable(String name) {
    return header("variable_" + name);
  }

  public List<EslHeader> headers() {
    return headers;
  }

  public byte[] body() {
    return body.clone();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "EslEvent["
        + eventName()
        + ", "
        + headers.size()
        + " headers, "
        + body.length
        + " body bytes]";
  }
}
