// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decodes what FreeSWITCH sends into {@link EslFrame}s. The bytes
 *
 * <pre>
 * Content-Type: api/response\n
 * Content-Length: 4\n
 * \n
 * +OK\n
 * </pre>
 *
 * become one frame with two headers and the four-byte body {@code "+OK\n"}; a frame without
 * Content-Length ends at its blank line. Frames may be split across reads or packed into one.
 * Anything that breaks the {@link EslFrameLimits} or the format raises a {@link
 * io.netty.handler.codec.DecoderException} ({@code TooLongFrameException} or {@code
 * CorruptedFrameException}); after that the stream cannot be trusted to be in step, so the rest of
 * it is discarded and the channel should be closed.
 *
 * <p>The first frame may be held to tighter limits than the rest: on an outbound Event Socket it is
 * the {@code connect} reply, which comes before the peer has shown it is FreeSWITCH, and needs no
 * body (see {@link EslFrameLimits#connectReply()}).
 *
 * <p>Channel variables named as secrets (a collected PIN or card number) never become a {@code
 * String}: see {@link EslEvent#parse(byte[], Set)}. The bytes such a frame came in are zeroed in
 * Netty's buffer once copied out, and the copy once parsed.
 *
 * <p>Stateful: one instance per channel.
 */
public final class EslFrameDecoder extends ByteToMessageDecoder {

  private enum State {
    HEADERS,
    BODY,
    DISCARD
  }

  private final HeaderBlock block;
  private final EslFrameLimits limits;
  private final Set<String> secretVariables;
  private State state = State.HEADERS;
  private boolean firstFrame = true;

  public EslFrameDecoder() {
    this(EslFrameLimits.defaults());
  }

  public EslFrameDecoder(EslFrameLimits limits) {
    this(limits, limits);
  }

  /**
   * @param first limits for the first frame only
   * @param limits limits for every later frame
   */
  public EslFrameDecoder(EslFrameLimits first, EslFrameLimits limits) {
    this(first, limits, Set.of());
  }

  /**
   * @param secretVariables channel variables (without the {@code variable_} prefix) parsed as
   *     secrets, e.g. {@code pb_secret}
   */
  public EslFrameDecoder(EslFrameLimits first, EslFrameLimits limits, Set<String> secretVariables) {
    this.limits = Objects.requireNonNull(limits, "Frame limits are required.");
    this.block = new HeaderBlock(Objects.requireNonNull(first, "First frame limits are required."));
    this.secretVariables =
        Set.copyOf(Objects.requireNonNull(secretVariables, "Secret variables are required."));
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    try {
      if (state == State.HEADERS && readHeaders(in)) {
        state = State.BODY;
      }
      if (state == State.BODY && in.readableBytes() >= block.contentLength()) {
        byte[] body = new byte[block.contentLength()];
        int start = in.readerIndex();
        in.readBytes(body);
        if (!secretVariables.isEmpty() && !in.isReadOnly()) {
          // Our copy is all that is needed; the buffer's bytes would linger until reused.
          in.setZero(start, body.length);
        }
        out.add(frame(body));
        block.clear();
        if (firstFrame) {
          firstFrame = false;
          block.limitTo(limits);
        }
        state = State.HEADERS;
      }
      if (state == State.DISCARD) {
        in.skipBytes(in.readableBytes());
      }
    } catch (RuntimeException e) {
      state = State.DISCARD;
      in.skipBytes(in.readableBytes());
      throw e;
    }
  }

  @Override
  protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out)
      throws Exception {
    super.decodeLast(ctx, in, out);
    if (state != State.DISCARD && (state == State.BODY || !block.isEmpty() || in.isReadable())) {
      state = State.DISCARD;
      in.skipBytes(in.readableBytes());
      throw new CorruptedFrameException("ESL stream ended inside a frame.");
    }
  }

  /** True once the blank line after the headers has arrived. */
  private boolean readHeaders(ByteBuf in) {
    String line;
    while ((line = block.readLine(in)) != null) {
      if (!line.isEmpty()) {
        block.add(line);
      } else if (!block.isEmpty()) {
        return true;
      }
      // A blank line before any header is a stray separator, not an empty frame.
    }
    return false;
  }

  private EslFrame frame(byte[] body) {
    try {
      return new EslFrame(block.headers(), body, secretVariables);
    } catch (IllegalArgumentException e) {
      throw new CorruptedFrameException("ESL frame refused: " + e.getMessage(), e);
    }
  }
}
