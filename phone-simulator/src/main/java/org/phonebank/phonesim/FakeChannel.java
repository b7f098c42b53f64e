// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.phonebank.esl.EslEvent;
import org.phonebank.esl.EslFrame;
import org.phonebank.esl.EslHeader;
import org.phonebank.esl.EslUrlCoding;

/**
 * The simulated caller's FreeSWITCH channel: its UUID, state and variables, and the events it
 * raises. As in FreeSWITCH, every event carries all channel variables as {@code variable_*}
 * headers, which is how collected digits reach the application, and why a PIN must be unset at
 * once.
 */
final class FakeChannel {

  private static final String HOST = "phone-simulator";
  private static final DateTimeFormatter GMT = DateTimeFormatter.RFC_1123_DATE_TIME;

  private final String coreUuid = UUID.randomUUID().toString();
  private final String uuid = UUID.randomUUID().toString();
  private final String callerNumber;
  private final String destination;
  private final String channelName;
  private final Map<String, String> variables = new LinkedHashMap<>();
  private String answerState = "ringing";
  private String callState = "RINGING";
  private long sequence = 1000;

  /**
   * @param dialplanVariables what the dialplan {@code set} before {@code socket} (the peer secret
   *     among them), carried from the connect reply on, as FreeSWITCH carries every channel
   *     variable
   */
  FakeChannel(
      String callerNumber,
      String destination,
      String socketAddress,
      Map<String, String> dialplanVariables) {
    this.callerNumber = callerNumber;
    this.destination = destination;
    this.channelName = "sofia/internal/" + callerNumber + "@127.0.0.1";
    variables.put("direction", "inbound");
    variables.put("uuid", uuid);
    variables.put("sip_from_user", callerNumber);
    variables.put("sip_to_user", destination);
    variables.putAll(dialplanVariables);
    variables.put("current_application", "socket");
    variables.put("current_application_data", socketAddress + " async full");
  }

  String uuid() {
    return uuid;
  }

  String channelName() {
    return channelName;
  }

  Map<String, String> variables() {
    return variables;
  }

  void answered() {
    answerState = "answered";
    callState = "ACTIVE";
  }

  void hungUp() {
    answerState = "hangup";
    callState = "HANGUP";
  }

  /**
   * The reply to {@code connect}: the channel data as URL-encoded headers of a {@code
   * command/reply}, with the content type near the end, as FreeSWITCH sends it.
   */
  EslFrame connectReply() {
    List<EslHeader> headers = new ArrayList<>();
    for (EslHeader header : headers("CHANNEL_DATA")) {
      headers.add(new EslHeader(header.name(), EslUrlCoding.encode(header.value())));
    }
    headers.add(new EslHeader("Content-Type", EslFrame.COMMAND_REPLY));
    headers.add(new EslHeader("Reply-Text", EslUrlCoding.encode("+OK\n")));
    headers.add(new EslHeader("Socket-Mode", "async"));
    headers.add(new EslHeader("Control", "full"));
    return EslFrame.of(headers);
  }

  EslFrame event(String name, EslHeader... extra) {
    List<EslHeader> headers = headers(name);
    int variablesStart = headers.size() - variables.size();
    headers.addAll(variablesStart, List.of(extra));
    return EslFrame.ofEvent(EslEvent.of(headers));
  }

  private List<EslHeader> headers(String eventName) {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    List<EslHeader> headers = new ArrayList<>();
    headers.add(new EslHeader("Event-Name", eventName));
    headers.add(new EslHeader("Core-UUID", coreUuid));
    headers.add(new EslHeader("FreeSWITCH-Hostname", HOST));
    headers.add(new EslHeader("FreeSWITCH-Switchname", HOST));
    headers.add(new EslHeader("FreeSWITCH-IPv4", "127.0.0.1"));
    headers.add(new EslHeader("Event-Date-GMT", GMT.format(now)));
    headers.add(
        new EslHeader(
            "Event-Date-Timestamp", Long.toString(now.toInstant().toEpochMilli() * 1000)));
    headers.add(new EslHeader("Event-Calling-File", "switch_core_session.c"));
    headers.add(new EslHeader("Event-Sequence", Long.toString(sequence++)));
    headers.add(
        new EslHeader("Channel-State", "hangup".equals(answerState) ? "CS_HANGUP" : "CS_EXECUTE"));
    headers.add(new EslHeader("Channel-Call-State", callState));
    headers.add(new EslHeader("Channel-Name", channelName));
    headers.add(new EslHeader("Unique-ID", uuid));
    headers.add(new EslHeader("Call-Direction", "inbound"));
    headers.add(new EslHeader("Answer-State", answerState));
    headers.add(new EslHeader("Caller-Direction", "inbound"));
    headers.add(new EslHeader("Caller-Dialplan", "XML"));
    headers.add(new EslHeader("Caller-Caller-ID-Name", "Phone Simulator"));
    headers.add(new EslHeader("Caller-Caller-ID-Number", callerNumber));
    headers.add(new EslHeader("Caller-Network-Addr", "127.0.0.1"));
    headers.add(new EslHeader("Caller-Destination-Number", destination));
    headers.add(new EslHeader("Caller-Unique-ID", uuid));
    headers.add(new EslHeader("Caller-Context", "default"));
    for (Map.Entry<String, String> variable : variables.entrySet()) {
      headers.add(new EslHeader("variable_" + variable.getKey(), variable.getValue()));
    }
    return headers;
  }
}
