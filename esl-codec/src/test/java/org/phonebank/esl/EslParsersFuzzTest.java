// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.Set;

/**
 * Whatever a peer sends, the Event Socket parsers answer with frames and events or with their
 * declared errors: a {@link DecoderException} from the frame decoder, an {@link
 * IllegalArgumentException} from the event parser. Any other exception is a finding. In a normal
 * build each target runs its corpus ({@code src/test/resources/org/phonebank/esl/
 * EslParsersFuzzTestInputs/<method>/}, seeded from {@code fixtures/esl}); with {@code
 * JAZZER_FUZZ=1} Jazzer fuzzes it (command and recorded run in BENCHMARKS.md).
 */
class EslParsersFuzzTest {

  private static final Set<String> SECRETS = Set.of("pb_secret", "pb_secret_invalid");

  @FuzzTest(maxDuration = "6h", maxExecutions = 10_000_000)
  void theFrameDecoderFailsOnlyWithDecoderExceptions(byte[] wire) {
    decode(new EslFrameDecoder(), wire);
    // As the listener runs it (a connect reply first, held to tighter limits, and pb_secret parsed
    // as a secret), in two reads; last, since it zeroes the bytes of frames with a secret.
    decode(
        new EslFrameDecoder(EslFrameLimits.connectReply(), EslFrameLimits.defaults(), SECRETS),
        wire);
  }

  @FuzzTest(maxDuration = "6h", maxExecutions = 10_000_000)
  void theEventParserFailsOnlyWithIllegalArgumentAndRereadsWhatItWrites(byte[] body) {
    try {
      EslEvent.parse(body, SECRETS).wipeSecrets();
    } catch (IllegalArgumentException declared) {
      // the same contract with secrets
    }
    EslEvent event;
    try {
      event = EslEvent.parse(body);
    } catch (IllegalArgumentException declared) {
      return;
    }
    EslEvent again = EslEvent.parse(event.encode());
    assertEquals(event.headers().size(), again.headers().size());
    for (int i = 0; i < event.headers().size(); i++) {
      assertEquals(event.headers().get(i).name(), again.headers().get(i).name());
      assertEquals(event.headers().get(i).value(), again.headers().get(i).value());
    }
    assertEquals(event.bodyText(), again.bodyText());
  }

  private static void decode(EslFrameDecoder decoder, byte[] wire) {
    EmbeddedChannel channel = new EmbeddedChannel(decoder);
    try {
      int half = wire.length / 2;
      channel.writeInbound(Unpooled.wrappedBuffer(wire, 0, half));
      channel.writeInbound(Unpooled.wrappedBuffer(wire, half, wire.length - half));
      channel.finish();
    } catch (DecoderException declared) {
      // the decoder's way of refusing: the listener closes that call
    }
    Object frame;
    while ((frame = channel.readInbound()) != null) {
      EslFrame read = (EslFrame) frame;
      read.replyOk();
      read.channelData();
      if (read.isEvent()) {
        read.event().eventName();
      }
    }
  }
}
