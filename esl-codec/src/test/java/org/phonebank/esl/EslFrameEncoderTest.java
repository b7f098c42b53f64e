// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EslFrameEncoderTest {

  @Test
  void commandReplyIsHeadersAndABlankLine() {
    byte[] wire =
        Wire.encode(new EslFrameEncoder(), List.of(EslFrame.ofCommandReply("+OK will linger")));
    assertEquals(
        "Content-Type: command/reply\nReply-Text: +OK will linger\n\n",
        new String(wire, StandardCharsets.UTF_8));
  }

  @Test
  void eventFrameIsUrlEncodedAndDecodesBack() {
    EslEvent event =
        EslEvent.of(
            List.of(
                new EslHeader("Event-Name", "CHANNEL_EXECUTE_COMPLETE"),
                new EslHeader("Application-Response", "FILE PLAYED"),
                new EslHeader("variable_read_result", "success")));
    byte[] wire = Wire.encode(new EslFrameEncoder(), List.of(EslFrame.ofEvent(event)));
    String text = new String(wire, StandardCharsets.UTF_8);
    String body =
        "Event-Name: CHANNEL_EXECUTE_COMPLETE\n"
            + "Application-Response: FILE%20PLAYED\n"
            + "variable_read_result: success\n\n";
    assertEquals(
        "Content-Length: " + body.length() + "\nContent-Type: text/event-plain\n\n" + body, text);
    EslEvent back = Wire.frames(wire).get(0).event();
    assertEquals(event.headers(), back.headers());
  }

  @Test
  void frameWhoseContentLengthLiesIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new EslFrame(List.of(new EslHeader("Content-Length", "5")), Wire.bytes("+OK\n")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new EslFrame(
                List.of(new EslHeader("Content-Type", "api/response")), Wire.bytes("+OK\n")));
  }
}
