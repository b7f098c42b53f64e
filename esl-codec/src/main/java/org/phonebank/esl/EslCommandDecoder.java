// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;
import java.util.Objects;

/**
 * Decodes what an application sends to FreeSWITCH into {@link EslCommand}s: {@code "linger\n\n"}
 * becomes the one-line command {@code linger}; a {@code sendmsg} keeps its header lines and, when
 * it announces a {@code content-length}, its body. Held to the same {@link EslFrameLimits} as
 * {@link EslFrameDecoder}, with the same failure and discard behaviour. Only a stand-in for
 * FreeSWITCH needs it.
 *
 * <p>Stateful: one instance per channel.
 */
public final class EslCommandDecoder extends ByteToMessageDecoder {

  private enum State {
    COMMAND_LINE,
    HEADERS,
    BODY,
    DISCARD
  }

  private final HeaderBlock block;
  private State state = State.COMMAND_LINE;
  private String line;

  public EslCommandDecoder() {
    this(EslFrameLimits.defaults());
  }

  public EslCommandDecoder(EslFrameLimits limits) {
    this.block = new HeaderBlock(Objects.requireNonNull(limits, "Frame limits are required."));
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    try {
      if (state == State.COMMAND_LINE) {
        line = block.readLine(in);
        if (line != null && !line.isBlank()) {
          state = State.HEADERS;
        }
      }
      if (state == State.HEADERS && readHeaders(in)) {
        state = State.BODY;
      }
      if (state == State.BODY && in.readableBytes() >= block.contentLength()) {
        byte[] body = new byte[block.contentLength()];
        in.readBytes(body);
        out.add(command(body));
        block.clear();
        state = State.COMMAND_LINE;
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

  private boolean readHeaders(ByteBuf in) {
    String header;
    while ((header = block.readLine(in)) != null) {
      if (header.isEmpty()) {
        return true;
      }
      block.add(header);
    }
    return false;
  }

  private EslCommand command(byte[] body) {
    List<EslHeader> headers =
        block.headers().stream().filter(h -> !h.name().equalsIgnoreCase("content-length")).toList();
    try {
      return new EslCommand(line.trim(), headers, body);
    } catch (IllegalArgumentException e) {
      throw new CorruptedFrameException("ESL command refused: " + e.getMessage(), e);
    }
  }
}
