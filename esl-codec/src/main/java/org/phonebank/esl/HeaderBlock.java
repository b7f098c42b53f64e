// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The header lines of one frame or command as they arrive, line by line across reads, held to the
 * {@link EslFrameLimits}. Both decoders use it; neither puts the offending text in an exception,
 * since header values may carry collected digits.
 */
final class HeaderBlock {

  private EslFrameLimits limits;
  private final List<EslHeader> headers = new ArrayList<>();
  private int bytes;
  private int contentLength;

  HeaderBlock(EslFrameLimits limits) {
    this.limits = limits;
  }

  /**
   * Reads one whole line, without its line feed (and without a carriage return before it), or
   * returns null when the line has not fully arrived yet.
   */
  String readLine(ByteBuf in) {
    int window = Math.min(in.readableBytes(), limits.maxLineLength() + 1);
    int length =
        in.indexOf(in.readerIndex(), in.readerIndex() + window, (byte) '\n') - in.readerIndex();
    if (length < 0) {
      if (in.readableBytes() > limits.maxLineLength()) {
        throw new TooLongFrameException(
            "ESL header line longer than " + limits.maxLineLength() + " bytes.");
      }
      return null;
    }
    String line = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
    in.skipBytes(length + 1);
    bytes += length + 1;
    if (bytes > limits.maxHeaderBytes()) {
      throw new TooLongFrameException(
          "ESL header block longer than " + limits.maxHeaderBytes() + " bytes.");
    }
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /**
   * Adds a {@code Name: value} line; a Content-Length is checked against the limit as it arrives.
   */
  void add(String line) {
    int colon = line.indexOf(':');
    if (colon <= 0) {
      throw new CorruptedFrameException("ESL header line without a name and colon.");
    }
    int start = colon + 1;
    while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
      start++;
    }
    String name = line.substring(0, colon).trim();
    String value = line.substring(start);
    if (name.isEmpty()) {
      throw new CorruptedFrameException("ESL header line without a name.");
    }
    if (headers.size() == limits.maxHeaders()) {
      throw new TooLongFrameException(
          "ESL frame with more than " + limits.maxHeaders() + " headers.");
    }
    if (name.equalsIgnoreCase("Content-Length")) {
      int length = ContentLength.parse(value);
      if (length < 0) {
        throw new CorruptedFrameException("ESL Content-Length is not a decimal number.");
      }
      if (length > limits.maxContentLength()) {
        throw new TooLongFrameException(
            "ESL Content-Length over " + limits.maxContentLength() + " bytes.");
      }
      if (contentLength > 0 && length != contentLength) {
        throw new CorruptedFrameException("ESL frame with two different Content-Length headers.");
      }
      contentLength = length;
    }
    headers.add(new EslHeader(name, value));
  }

  /** Holds the frames after the current one to {@code next}. */
  void limitTo(EslFrameLimits next) {
    limits = next;
  }

  boolean isEmpty() {
    return headers.isEmpty();
  }

  List<EslHeader> headers() {
    return headers;
  }

  int contentLength() {
    return contentLength;
  }

  void clear() {
    headers.clear();
    bytes = 0;
    contentLength = 0;
  }
}
