// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EslFrameDecoderTest {

  private static final String API_RESPONSE =
      "Content-Type: api/response\nContent-Length: 4\n\n+OK\n";
  private static final String REPLY_OK = "Content-Type: command/reply\nReply-Text: +OK\n\n";

  private static final EslFrameLimits SMALL = new EslFrameLimits(64, 4, 200, 100);

  @Test
  void connectReplyCarriesTheChannelDataUrlEncoded() {
    EslFrame frame = Wire.frames(Fixtures.read("connect-reply-channel-data.txt")).get(0);
    assertTrue(frame.isCommandReply());
    assertTrue(frame.replyOk());
    assertEquals("+OK", frame.replyText());
    assertEquals("%2BOK%0A", frame.header("Reply-Text").orElseThrow());
    EslEvent channel = frame.channelData();
    assertEquals("78b86350-4fb8-4d2b-a629-1eeafd7d2f74", channel.header("Unique-ID").orElseThrow());
    assertEquals("1001", channel.header("caller-caller-id-number").orElseThrow());
    assertEquals("sofia/internal/1001@172.16.50.134", channel.header("Channel-Name").orElseThrow());
    assertEquals("async", frame.header("Socket-Mode").orElseThrow());
    assertEquals("full", frame.header("Control").orElseThrow());
  }

  @Test
  void readDigitsCompletionCarriesTheDigitsAsVariables() {
    EslEvent event = Wire.frames(Fixtures.read("execute-complete-read-digits.txt")).get(0).event();
    assertEquals("CHANNEL_EXECUTE_COMPLETE", event.eventName());
    assertEquals("read", event.header("Application").orElseThrow());
    assertEquals(
        "3 4 tone_stream://%(10000,0,350,440) read_digits_result 30000 #",
        event.header("Application-Data").orElseThrow());
    assertEquals("1234", event.variable("read_digits_result").orElseThrow());
    assertEquals("success", event.variable("read_result").orElseThrow());
  }

  @Test
  void dtmfHashArrivesUrlEncoded() {
    EslEvent event = Wire.frames(Fixtures.read("dtmf-event.txt")).get(0).event();
    assertEquals("DTMF", event.eventName());
    assertEquals("#", event.header("DTMF-Digit").orElseThrow());
  }

  @Test
  void disconnectNoticeAndApiErrorKeepTheirBodies() {
    EslFrame notice = Wire.frames(Fixtures.read("disconnect-notice.txt")).get(0);
    assertTrue(notice.isDisconnectNotice());
    assertEquals("disconnect", notice.header("Content-Disposition").orElseThrow());
    assertEquals(67, notice.bodyLength());
    assertTrue(notice.bodyText().startsWith("Disconnected, goodbye.\n"));

    EslFrame error = Wire.frames(Fixtures.read("api-response-err.txt")).get(0);
    assertEquals("-ERR Cannot stop record session!\n", error.bodyText());
    assertFalse(Wire.frames(Fixtures.read("command-reply-err.txt")).get(0).replyOk());
  }

  @Test
  void framesPackedIntoOneReadComeOutInOrder() {
    List<EslFrame> frames = Wire.frames(Wire.bytes(REPLY_OK + API_RESPONSE + REPLY_OK));
    assertEquals(
        List.of("command/reply", "api/response", "command/reply"),
        frames.stream().map(EslFrame::contentType).toList());
    assertEquals("+OK\n", frames.get(1).bodyText());
  }

  @Test
  void frameSplitAcrossReadsWaitsForItsLastByte() {
    EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder());
    byte[] bytes = Wire.bytes(API_RESPONSE);
    int cut = API_RESPONSE.indexOf("+OK") + 2;
    assertFalse(channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, cut)));
    assertNull(channel.readInbound());
    assertTrue(channel.writeInbound(Unpooled.wrappedBuffer(bytes, cut, bytes.length - cut)));
    EslFrame frame = channel.readInbound();
    assertEquals("+OK\n", frame.bodyText());
    assertFalse(channel.finish());
  }

  @Test
  void streamEndingInsideAFrameIsATruncatedFrame() {
    EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder());
    byte[] bytes = Wire.bytes(API_RESPONSE);
    channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, bytes.length - 2));
    DecoderException failure = assertThrows(DecoderException.class, channel::finish);
    assertInstanceOf(CorruptedFrameException.class, failure);
  }

  @Test
  void headerLineOverTheLimitFailsBeforeItsEndArrives() {
    EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder(SMALL));
    String longLine = "Content-Type: command/reply" + "x".repeat(SMALL.maxLineLength());
    DecoderException failure =
        assertThrows(
            DecoderException.class,
            () -> channel.writeInbound(Unpooled.wrappedBuffer(Wire.bytes(longLine))));
    assertInstanceOf(TooLongFrameException.class, failure);
    // The stream is out of step now: even a good frame after it is discarded.
    assertFalse(channel.writeInbound(Unpooled.wrappedBuffer(Wire.bytes("\n\n" + REPLY_OK))));
    assertFalse(channel.finish());
  }

  @Test
  void tooManyHeadersFail() {
    String frame = "A: 1\nB: 2\nC: 3\nD: 4\nE: 5\n\n";
    assertDecoderFailure(TooLongFrameException.class, new EslFrameDecoder(SMALL), frame);
  }

  @Test
  void headerBlockOverItsByteLimitFails() {
    String value = "v".repeat(55);
    String frame = "A: " + value + "\nB: " + value + "\nC: " + value + "\nD: " + value + "\n\n";
    assertDecoderFailure(TooLongFrameException.class, new EslFrameDecoder(SMALL), frame);
  }

  @Test
  void nonNumericContentLengthIsCorrupt() {
    assertDecoderFailure(
        CorruptedFrameException.class,
        new EslFrameDecoder(),
        "Content-Type: api/response\nContent-Length: 4x\n\n+OK\n");
    assertDecoderFailure(
        CorruptedFrameException.class,
        new EslFrameDecoder(),
        "Content-Type: api/response\nContent-Length: -4\n\n+OK\n");
  }

  @Test
  void contentLengthOverTheLimitFailsBeforeTheBodyIsBuffered() {
    assertDecoderFailure(
        TooLongFrameException.class,
        new EslFrameDecoder(SMALL),
        "Content-Type: api/response\nContent-Length: 101\n\n");
  }

  @Test
  void aFirstFrameWithABodyIsRefusedUnderConnectReplyLimitsButLaterBodiesPass() {
    EslFrameDecoder decoder =
        new EslFrameDecoder(EslFrameLimits.connectReply(), EslFrameLimits.defaults());
    List<EslFrame> frames = Wire.decode(decoder, Wire.bytes(REPLY_OK + API_RESPONSE), 7);
    assertEquals("+OK\n", frames.get(1).bodyText());

    assertDecoderFailure(
        TooLongFrameException.class,
        new EslFrameDecoder(EslFrameLimits.connectReply(), EslFrameLimits.defaults()),
        "Content-Type: api/response\nContent-Length: 1048576\n\n");
  }

  @Test
  void aFirstFrameOverSixtyFourKibibytesOfHeadersIsRefused() {
    String header = "variable_x: " + "v".repeat(1000) + "\n";
    assertDecoderFailure(
        TooLongFrameException.class,
        new EslFrameDecoder(EslFrameLimits.connectReply(), EslFrameLimits.defaults()),
        header.repeat(66));
  }

  @Test
  void anEventWithMoreHeadersThanTheCapIsACorruptFrame() {
    String body = "A: 1\n".repeat(EslEvent.MAX_HEADERS + 1) + "\n";
    String frame =
        "Content-Length: " + body.length() + "\nContent-Type: text/event-plain\n\n" + body;
    assertDecoderFailure(CorruptedFrameException.class, new EslFrameDecoder(), frame);
    String atTheCap = "A: 1\n".repeat(EslEvent.MAX_HEADERS) + "\n";
    assertEquals(EslEvent.MAX_HEADERS, EslEvent.parse(Wire.bytes(atTheCap)).headers().size());
  }

  @Test
  void headerLineWithoutColonIsCorrupt() {
    assertDecoderFailure(
        CorruptedFrameException.class, new EslFrameDecoder(), "Content-Type command/reply\n\n");
  }

  @Test
  void malformedEventBodyIsACorruptFrame() {
    String body = "no header here\n\n";
    String frame =
        "Content-Length: " + body.length() + "\nContent-Type: text/event-plain\n\n" + body;
    assertDecoderFailure(CorruptedFrameException.class, new EslFrameDecoder(), frame);
  }

  @Test
  void failureMessagesNameTheFaultButNotTheContent() {
    String secret = "variable_pb_secret 7391";
    DecoderException failure =
        assertThrows(
            DecoderException.class,
            () ->
                new EmbeddedChannel(new EslFrameDecoder())
                    .writeInbound(Unpooled.wrappedBuffer(Wire.bytes(secret + "\n\n"))));
    assertFalse(failure.getMessage().contains("7391"));
  }

  private static void assertDecoderFailure(
      Class<? extends DecoderException> expected, EslFrameDecoder decoder, String wire) {
    EmbeddedChannel channel = new EmbeddedChannel(decoder);
    DecoderException failure =
        assertThrows(
            DecoderException.class,
            () -> channel.writeInbound(Unpooled.wrappedBuffer(Wire.bytes(wire))));
    assertInstanceOf(expected, failure);
    assertNull(channel.readInbound());
    assertFalse(channel.finish());
  }
}
