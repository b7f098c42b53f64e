// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@link EslFrame}s as FreeSWITCH sends them: each header as {@code Name: value\n}, a blank
 * line, then the body. Only a stand-in for FreeSWITCH (the phone simulator) needs it.
 */
@Sharable
public final class EslFrameEncoder extends MessageToByteEncoder<EslFrame> {

  @Override
  protected void encode(ChannelHandlerContext ctx, EslFrame frame, ByteBuf out) {
    StringBuilder head = new StringBuilder();
    for (EslHeader header : frame.headers()) {
      head.append(header.name()).append(": ").append(header.value()).append('\n');
    }
    head.append('\n');
    out.writeCharSequence(head, StandardCharsets.UTF_8);
    out.writeBytes(frame.body());
  }
}
