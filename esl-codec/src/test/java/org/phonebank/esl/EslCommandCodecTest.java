// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EslCommandCodecTest {

  private static final String UUID = "5bb2b6da-8032-44cb-8bd9-5f27b5109d2f";

  @Test
  void oneLineCommandEndsWithABlankLine() {
    assertEquals("connect\n\n", text(List.of(EslCommand.of("connect"))));
  }

  @Test
  void executeIsASendmsgWithItsApplicationAndEventUuid() {
    String wire = text(List.of(EslCommand.execute("playback", "/p/en/welcome.wav", UUID)));
    assertEquals(
        "sendmsg\n"
            + "call-command: execute\n"
            + "execute-app-name: playback\n"
            + "execute-app-arg: /p/en/welcome.wav\n"
            + "event-uuid: "
            + UUID
            + "\n"
            + "event-lock: true\n"
            + "\n",
        wire);
  }

  @Test
  void bodyIsAnnouncedByContentLength() {
    EslCommand command =
        new EslCommand(
            "sendmsg",
            List.of(
                new EslHeader("call-command", "execute"),
                new EslHeader("content-type", "text/plain")),
            "hello".getBytes(StandardCharsets.UTF_8));
    assertEquals(
        "sendmsg\ncall-command: execute\ncontent-type: text/plain\ncontent-length: 5\n\nhello",
        text(List.of(command)));
  }

  @Test
  void lineBreakInAnArgumentIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> EslCommand.execute("playback", "a.wav\nexecute-app-name: hangup", UUID));
    assertThrows(IllegalArgumentException.class, () -> EslCommand.of("linger\n\nexit"));
  }

  @Test
  void commandsDecodeBackAcrossSmallReads() {
    List<EslCommand> sent =
        List.of(
            EslCommand.of("connect"),
            EslCommand.of("myevents plain"),
            EslCommand.execute("set", "sensitive_dtmf=true", UUID),
            new EslCommand(
                "sendmsg", List.of(new EslHeader("call-command", "execute")), Wire.bytes("body")));
    byte[] wire = Wire.encode(new EslCommandEncoder(), sent);
    List<EslCommand> received = Wire.decode(new EslCommandDecoder(), wire, 5);
    assertEquals(sent.size(), received.size());
    for (int i = 0; i < sent.size(); i++) {
      assertEquals(sent.get(i).line(), received.get(i).line());
      assertEquals(sent.get(i).headers(), received.get(i).headers());
      assertArrayEquals(sent.get(i).body(), received.get(i).body());
    }
    assertEquals("myevents", received.get(1).name());
    assertEquals("sensitive_dtmf=true", received.get(2).header("Execute-App-Arg").orElseThrow());
  }

  @Test
  void commandWithBadContentLengthOrHugeLineFails() {
    DecoderException corrupt =
        assertThrows(
            DecoderException.class,
            () ->
                new EmbeddedChannel(new EslCommandDecoder())
                    .writeInbound(
                        Unpooled.wrappedBuffer(Wire.bytes("sendmsg\ncontent-length: many\n\n"))));
    assertInstanceOf(CorruptedFrameException.class, corrupt);
    DecoderException tooLong =
        assertThrows(
            DecoderException.class,
            () ->
                new EmbeddedChannel(new EslCommandDecoder(new EslFrameLimits(64, 4, 200, 100)))
                    .writeInbound(Unpooled.wrappedBuffer(Wire.bytes("x".repeat(65)))));
    assertInstanceOf(TooLongFrameException.class, tooLong);
  }

  private static String text(List<EslCommand> commands) {
    return new String(Wire.encode(new EslCommandEncoder(), commands), StandardCharsets.UTF_8);
  }
}
