// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs bytes through a decoder (or messages through an encoder) in an EmbeddedChannel, checking
 * leftovers.
 */
final class Wire {

  private Wire() {}

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Feeds {@code bytes} in reads of {@code chunk} bytes and returns every message, asserting none
   * is left.
   */
  static <T> List<T> decode(ChannelHandler decoder, byte[] bytes, int chunk) {
    EmbeddedChannel channel = new EmbeddedChannel(decoder);
    for (int offset = 0; offset < bytes.length; offset += chunk) {
      channel.writeInbound(
          Unpooled.wrappedBuffer(bytes, offset, Math.min(chunk, bytes.length - offset)));
    }
    List<T> messages = new ArrayList<>();
    T message;
    while ((message = channel.readInbound()) != null) {
      messages.add(message);
    }
    assertFalse(channel.finish(), "the channel still holds messages or bytes");
    return messages;
  }

  static List<EslFrame> frames(byte[] bytes) {
    return decode(new EslFrameDecoder(), bytes, bytes.length);
  }

  static byte[] encode(ChannelHandler encoder, List<?> messages) {
    EmbeddedChannel channel = new EmbeddedChannel(encoder);
    for (Object message : messages) {
      channel.writeOutbound(message);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuf buf;
    while ((buf = channel.readOutbound()) != null) {
      out.writeBytes(ByteBufUtil.getBytes(buf));
      buf.release();
    }
    assertFalse(channel.finish(), "the channel still holds messages");
    return out.toByteArray();
  }
}
