// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A variable named a secret (a PIN collected into {@code pb_secret}) is decoded from the bytes into
 * a {@code char[]} and never into a String; the bytes it came in are zeroed once read.
 */
class SecretVariablesTest {

  private static final Set<String> SECRETS = Set.of("pb_secret");

  private static byte[] eventBody(String pinLine) {
    return ("Event-Name: CHANNEL_EXECUTE_COMPLETE\n"
            + "variable_read_result: success\n"
            + pinLine
            + "variable_pb_digits: 1\n\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void aSecretVariableIsAnArrayAndNoHeader() {
    EslEvent event = EslEvent.parse(eventBody("variable_pb_secret: 7391\n"), SECRETS);

    assertArrayEquals("7391".toCharArray(), event.secretVariable("pb_secret").orElseThrow());
    assertTrue(event.variable("pb_secret").isEmpty(), "no String header for the secret");
    for (EslHeader header : event.headers()) {
      assertFalse(header.value().contains("7391"), header.name());
    }
    assertEquals("1", event.variable("pb_digits").orElseThrow());
    assertEquals("success", event.variable("read_result").orElseThrow());
  }

  @Test
  void aSecretIsUrlDecodedAndItsNameMatchedIgnoringCase() {
    EslEvent event = EslEvent.parse(eventBody("VARIABLE_PB_SECRET: 12%2A3%23\r\n"), SECRETS);

    assertArrayEquals("12*3#".toCharArray(), event.secretVariable("pb_secret").orElseThrow());
  }

  @Test
  void wipingZeroesTheSecret() {
    EslEvent event = EslEvent.parse(eventBody("variable_pb_secret: 7391\n"), SECRETS);
    char[] held = event.secretVariable("pb_secret").orElseThrow();

    event.wipeSecrets();

    assertArrayEquals(new char[4], held);
  }

  @Test
  void withoutSecretNamesTheVariableIsAnOrdinaryHeader() {
    EslEvent event = EslEvent.parse(eventBody("variable_pb_secret: 7391\n"));

    assertEquals("7391", event.variable("pb_secret").orElseThrow());
    assertTrue(event.secretVariable("pb_secret").isEmpty());
  }

  @Test
  void theDecoderZeroesTheBytesTheSecretCameInAndKeepsNoBody() {
    byte[] body = eventBody("variable_pb_secret: 7391\n");
    byte[] head =
        ("Content-Length: " + body.length + "\nContent-Type: text/event-plain\n\n")
            .getBytes(StandardCharsets.US_ASCII);
    ByteBuf wire = Unpooled.buffer();
    wire.writeBytes(head).writeBytes(body);
    wire.retain();
    EmbeddedChannel channel =
        new EmbeddedChannel(
            new EslFrameDecoder(EslFrameLimits.defaults(), EslFrameLimits.defaults(), SECRETS));

    channel.writeInbound(wire);
    EslFrame frame = channel.readInbound();

    EslEvent event = frame.event();
    assertArrayEquals("7391".toCharArray(), event.secretVariable("pb_secret").orElseThrow());
    assertEquals(body.length, frame.bodyLength());
    assertEquals(0, frame.body().length, "the raw body, with the PIN in it, is not kept");
    String left = wire.toString(0, wire.writerIndex(), StandardCharsets.ISO_8859_1);
    assertFalse(left.contains("7391"), "the buffer still holds the PIN");
    assertFalse(left.contains("pb_digits"), "the whole body is zeroed, not only the secret");
    wire.release();
    channel.finishAndReleaseAll();
  }

  @Test
  void framesWithoutSecretsKeepTheirBody() {
    EmbeddedChannel channel =
        new EmbeddedChannel(
            new EslFrameDecoder(EslFrameLimits.defaults(), EslFrameLimits.defaults(), SECRETS));
    byte[] body = eventBody("");
    channel.writeInbound(
        Unpooled.wrappedBuffer(
            ("Content-Length: " + body.length + "\nContent-Type: text/event-plain\n\n")
                .getBytes(StandardCharsets.US_ASCII),
            body));

    EslFrame frame = channel.readInbound();

    assertArrayEquals(body, frame.body());
    assertEquals(List.of(), List.copyOf(channel.inboundMessages()));
    channel.finishAndReleaseAll();
  }
}
