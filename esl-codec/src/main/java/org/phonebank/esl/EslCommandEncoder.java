// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@link EslCommand}s: the command line, {@code name: value} header lines, {@code
 * content-length} when there is a body, a blank line, then the body. {@code
 * EslCommand.of("connect")} becomes {@code "connect\n\n"}.
 */
@Sharable
public final class EslCommandEncoder extends MessageToByteEncoder<EslCommand> {

  @Override
  protected void encode(ChannelHandlerContext ctx, EslCommand command, ByteBuf out) {
    StringBuilder head = new StringBuilder(command.line()).append('\n');
    for (EslHeader header : command.headers()) {
      head.append(header.name()).append(": ").append(header.value()).append('\n');
    }
    byte[] body = command.body();
    if (body.length > 0) {
      head.append("content-length: ").append(body.length).append('\n');
    }
    head.append('\n');
    out.writeCharSequence(head, StandardCharsets.UTF_8);
    out.writeBytes(body);
  }
}
