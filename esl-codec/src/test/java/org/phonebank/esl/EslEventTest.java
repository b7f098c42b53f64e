// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EslEventTest {

  @Test
  void backgroundJobKeepsItsOwnBodyAfterTheInnerContentLength() {
    EslEvent event = EslEvent.parse(Fixtures.read("background-job-event-wiki.body.txt"));
    assertEquals("BACKGROUND_JOB", event.eventName());
    assertEquals("originate", event.header("Job-Command").orElseThrow());
    assertEquals("sofia/default/1005 '&park'", event.header("Job-Command-Arg").orElseThrow());
    assertEquals("+OK 7f4de4bc-17d7-11dd-b7a0-db4edd065621\n", event.bodyText());
    assertTrue(
        event.header("Content-Length").isEmpty(), "the inner length is framing, not a header");
  }

  @Test
  void oldStyleDtmfEventHasItsNameNearTheEnd() {
    EslEvent event = EslEvent.parse(Fixtures.read("dtmf-event-wiki-2007.body.txt"));
    assertEquals("DTMF", event.eventName());
    assertEquals("1", event.header("DTMF-Digit").orElseThrow());
  }

  @Test
  void printedHangupCompleteSurvivesItsMultiLineSdpWithABlankLine() {
    EslEvent event = EslEvent.parse(Fixtures.read("hangup-complete-wiki-printed.body.txt"));
    assertEquals("CHANNEL_HANGUP_COMPLETE", event.eventName());
    String sdp = event.variable("switch_r_sdp").orElseThrow();
    assertTrue(sdp.startsWith("v=0\no=Z 0 0 IN IP4 198.51.100.225\n"), sdp);
    assertTrue(sdp.endsWith("a=fmtp:101 0-15"), sdp);
    // These come after the blank line inside the SDP value.
    assertEquals("NORMAL_CLEARING", event.variable("hangup_cause").orElseThrow());
    assertEquals("198.51.100.225", event.variable("remote_media_ip").orElseThrow());
  }

  @Test
  void printedExecuteCompleteKeepsItsTruncatedResponse() {
    EslEvent event = EslEvent.parse(Fixtures.read("execute-complete-wiki-printed.body.txt"));
    assertEquals("CHANNEL_EXECUTE_COMPLETE", event.eventName());
    assertEquals("conference", event.header("Application").orElseThrow());
    assertEquals("_none", event.header("Application-Response").orElseThrow());
  }

  @Test
  void heartbeatDecodesItsVersion() {
    EslEvent event = EslEvent.parse(Fixtures.read("heartbeat-event-greenswitch.body.txt"));
    assertEquals("HEARTBEAT", event.eventName());
    assertEquals(
        "1.5.15b+git~20141226T052811Z~0a66db6f12~64bit",
        event.header("FreeSWITCH-Version").orElseThrow());
  }

  @Test
  void encodedEventParsesBackToTheSameValues() {
    EslEvent event =
        new EslEvent(
            List.of(
                new EslHeader("Event-Name", "CHANNEL_EXECUTE_COMPLETE"),
                new EslHeader("Application-Data", "file_string:///p/fa/a.wav!/p/fa/b.wav"),
                new EslHeader("Reply-Text", "+OK\n"),
                new EslHeader("Caller-Caller-ID-Name", "مشتری بانک"),
                new EslHeader("Odd", "50% & 100%: #1 ")),
            Wire.bytes("job output\n"));
    EslEvent parsed = EslEvent.parse(event.encode());
    assertEquals(event.headers(), parsed.headers());
    assertArrayEquals(event.body(), parsed.body());
  }

  @Test
  void innerContentLengthMustMatchTheBody() {
    assertThrows(
        IllegalArgumentException.class,
        () -> EslEvent.parse(Wire.bytes("Event-Name: BACKGROUND_JOB\nContent-Length: 9\n\n+OK\n")));
    assertThrows(
        IllegalArgumentException.class,
        () -> EslEvent.parse(Wire.bytes("Event-Name: BACKGROUND_JOB\nContent-Length: x\n\n+OK\n")));
  }

  @Test
  void printingAnEventNeverShowsItsValues() {
    EslEvent event =
        EslEvent.of(
            List.of(
                new EslHeader("Event-Name", "CHANNEL_EXECUTE_COMPLETE"),
                new EslHeader("variable_pb_secret", "7391")));
    assertFalse(event.toString().contains("7391"));
    assertFalse(event.headers().get(1).toString().contains("7391"));
    assertFalse(EslFrame.ofEvent(event).toString().contains("7391"));
  }
}
