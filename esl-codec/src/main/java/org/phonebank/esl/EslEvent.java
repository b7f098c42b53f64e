// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
  private final Map<String, char[]> secrets;

  /** An event from already decoded header values and its own body (usually empty). */
  public EslEvent(List<EslHeader> headers, byte[] body) {
    this(headers, body, Map.of());
  }

  private EslEvent(List<EslHeader> headers, byte[] body, Map<String, char[]> secrets) {
    this.headers = List.copyOf(Objects.requireNonNull(headers, "Event headers are required."));
    this.body = Objects.requireNonNull(body, "Event body is required (empty when none).").clone();
    this.secrets = secrets == null ? Map.of() : secrets;
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
    return parse(plainBody, Set.of());
  }

  /**
   * As {@link #parse(byte[])}, but the channel variables named in {@code secretVariables} (without
   * the {@code variable_} prefix, e.g. {@code pb_secret}) never become a {@code String}: their
   * values are decoded from the bytes straight into a {@code char[]}, read with {@link
   * #secretVariable(String)} and wiped by {@link #wipeSecrets()}. The caller still owns {@code
   * plainBody} and should wipe it.
   */
  public static EslEvent parse(byte[] plainBody, Set<String> secretVariables) {
    // Names and values are made straight from the bytes, one String each: a call's events carry
    // about 200 headers apiece, and a String per line plus copies per value made most of a call's
    // garbage (issue 15; bench/esl-decoding measures it).
    List<EslHeader> headers = new ArrayList<>();
    Map<String, char[]> secrets = null;
    Value pending = null;
    boolean inSecret = false;
    int position = 0;
    while (position < plainBody.length) {
      int end = indexOfLineFeed(plainBody, position);
      int next = Math.min(end + 1, plainBody.length);
      String secret = secretNamed(plainBody, position, end, secretVariables);
      if (secret != null) {
        pending = add(headers, pending, plainBody);
        if (secrets == null) {
          secrets = new LinkedHashMap<>();
        }
        // Decoded from the bytes, so no String ever holds the digits; a repeat replaces the first.
        char[] old = secrets.put(secret, decodeSecret(plainBody, position, end, secret));
        if (old != null) {
          Arrays.fill(old, '\0');
        }
        inSecret = true;
        position = next;
        continue;
      }
      if (inSecret && !startsHeaderLine(plainBody, position, end)) {
        // A continuation of a secret value is not kept either.
        position = next;
        continue;
      }
      inSecret = false;
      int lineEnd = end > position && plainBody[end - 1] == '\r' ? end - 1 : end;
      if (lineEnd == position) {
        position = next;
        continue;
      }
      int colon = headerColon(plainBody, position, lineEnd);
      if (colon > 0) {
        pending = add(headers, pending, plainBody);
        int valueFrom = Math.min(colon + 2, lineEnd);
        if (isContentLength(plainBody, position, colon)) {
          String declared =
              new String(plainBody, valueFrom, lineEnd - valueFrom, StandardCharsets.US_ASCII);
          return new EslEvent(headers, ownBody(plainBody, next, declared), secrets);
        }
        if (headers.size() == MAX_HEADERS) {
          throw new IllegalArgumentException("Event with more than " + MAX_HEADERS + " headers.");
        }
        pending = new Value(HeaderNames.of(plainBody, position, colon), valueFrom, lineEnd);
      } else if (pending != null) {
        pending.continueTo(lineEnd);
      } else {
        throw new IllegalArgumentException("Event body does not start with a header line.");
      }
      position = next;
    }
    add(headers, pending, plainBody);
    return new EslEvent(headers, new byte[0], secrets);
  }

  /**
   * A header whose value is still being read: the bytes {@code [from, to)} of one line, or of
   * several when lines without {@code ": "} continue it (a printed multi-line SDP value).
   */
  private static final class Value {
    private final String name;
    private final int from;
    private int to;
    private boolean continued;

    Value(String name, int from, int to) {
      this.name = name;
      this.from = from;
      this.to = to;
    }

    void continueTo(int lineEnd) {
      to = lineEnd;
      continued = true;
    }

    /**
     * The decoded value; continuation lines are joined by a line feed, each without the carriage
     * return that ended it, and blank lines between them are dropped.
     */
    String decode(byte[] bytes) {
      if (!continued) {
        return EslUrlCoding.decode(bytes, from, to);
      }
      byte[] joined = new byte[to - from];
      int length = 0;
      int line = from;
      boolean first = true;
      while (line < to) {
        int end = indexOfLineFeed(bytes, line);
        int lineEnd = Math.min(end > line && bytes[end - 1] == '\r' ? end - 1 : end, to);
        // The first line is the value even when empty; each later line that is not blank adds on.
        if (first || lineEnd > line) {
          if (!first) {
            joined[length++] = '\n';
          }
          System.arraycopy(bytes, line, joined, length, lineEnd - line);
          length += lineEnd - line;
          first = false;
        }
        line = end + 1;
      }
      return EslUrlCoding.decode(joined, 0, length);
    }
  }

  /** Adds the header being read, if any; returns null, the next header's starting state. */
  private static Value add(List<EslHeader> headers, Value pending, byte[] bytes) {
    if (pending != null) {
      headers.add(new EslHeader(pending.name, pending.decode(bytes)));
    }
    return null;
  }

  /**
   * The colon of a header line {@code Name: value} or {@code Name:} in {@code [start, end)}, or -1;
   * an SDP line such as {@code a=rtpmap:0 PCMU/8000} is not one.
   */
  private static int headerColon(byte[] bytes, int start, int end) {
    for (int i = start; i < end; i++) {
      byte b = bytes[i];
      if (b == ':') {
        return i > start && (i + 1 == end || bytes[i + 1] == ' ') ? i : -1;
      }
      if (b == ' ' || b == '=' || b == '\t') {
        return -1;
      }
    }
    return -1;
  }

  private static final byte[] CONTENT_LENGTH_BYTES =
      CONTENT_LENGTH.getBytes(StandardCharsets.US_ASCII);

  private static boolean isContentLength(byte[] bytes, int start, int colon) {
    return colon - start == CONTENT_LENGTH_BYTES.length
        && sameIgnoringCase(bytes, start, CONTENT_LENGTH_BYTES);
  }

  private static final byte[] VARIABLE_PREFIX = "variable_".getBytes(StandardCharsets.US_ASCII);

  /**
   * The secret variable whose header the line {@code [start, end)} is ({@code variable_<name>:}),
   * or null; compared on the bytes, ignoring case as FreeSWITCH matches header names.
   */
  private static String secretNamed(byte[] bytes, int start, int end, Set<String> names) {
    if (names.isEmpty() || end - start <= VARIABLE_PREFIX.length) {
      return null;
    }
    for (String name : names) {
      int colon = start + VARIABLE_PREFIX.length + name.length();
      if (colon < end
          && bytes[colon] == ':'
          && sameIgnoringCase(bytes, start, VARIABLE_PREFIX)
          && sameIgnoringCase(
              bytes, start + VARIABLE_PREFIX.length, name.getBytes(StandardCharsets.US_ASCII))) {
        return name.toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  private static boolean sameIgnoringCase(byte[] bytes, int from, byte[] expected) {
    for (int i = 0; i < expected.length; i++) {
      if (Character.toLowerCase((char) (bytes[from + i] & 0xFF))
          != Character.toLowerCase((char) expected[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The value after {@code variable_<name>: } up to {@code end} (a carriage return dropped), with
   * {@code %XX} escapes decoded; each byte becomes one char, which suits the keypad's ASCII.
   */
  private static char[] decodeSecret(byte[] bytes, int start, int end, String name) {
    int from = Math.min(end, start + VARIABLE_PREFIX.length + name.length() + 1);
    if (from < end && bytes[from] == ' ') {
      from++;
    }
    int to = end > from && bytes[end - 1] == '\r' ? end - 1 : end;
    char[] decoded = new char[to - from];
    int length = 0;
    for (int i = from; i < to; i++) {
      if (bytes[i] == '%' && i + 2 < to && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
        decoded[length++] =
            (char) (Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
        i += 2;
      } else {
        decoded[length++] = (char) (bytes[i] & 0xFF);
      }
    }
    char[] value = Arrays.copyOf(decoded, length);
    Arrays.fill(decoded, '\0');
    return value;
  }

  private static boolean isHex(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'F') || (b >= 'a' && b <= 'f');
  }

  /** Whether the line {@code [start, end)} has the form of a header line ({@code Name: ...}). */
  private static boolean startsHeaderLine(byte[] bytes, int start, int end) {
    for (int i = start; i < end; i++) {
      byte b = bytes[i];
      if (b == ':') {
        return i > start && (i + 1 >= end || bytes[i + 1] == ' ' || bytes[i + 1] == '\r');
      }
      if (b == ' ' || b == '=' || b == '\t') {
        return false;
      }
    }
    return false;
  }

  private static int indexOfLineFeed(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return bytes.length;
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

  /**
   * A channel variable, carried as the header {@code variable_<name>}; empty for a variable parsed
   * as a secret (see {@link #secretVariable(String)}).
   */
  public Optional<String> variable(String name) {
    return header("variable_" + name);
  }

  /**
   * A variable parsed as a secret ({@link #parse(byte[], Set)}): the event's own array, valid until
   * {@link #wipeSecrets()}; copy what must outlive the event.
   */
  public Optional<char[]> secretVariable(String name) {
    return Optional.ofNullable(secrets.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Whether the event carried any secret variable. */
  public boolean hasSecrets() {
    return !secrets.isEmpty();
  }

  /** Zeroes every secret variable's value; safe to repeat. */
  public void wipeSecrets() {
    for (char[] value : secrets.values()) {
      Arrays.fill(value, '\0');
    }
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
