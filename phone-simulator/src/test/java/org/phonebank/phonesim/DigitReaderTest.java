// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * FreeSWITCH's variables after play_and_get_digits, one test per outcome, as
 * src/switch_ivr_play_say.c (switch_ivr_read, switch_play_and_get_digits) leaves them.
 */
class DigitReaderTest {

  private static final String CARD = "6037991234567893";

  private final DtmfQueue queue = new DtmfQueue();
  private final Map<String, String> variables = new LinkedHashMap<>();
  private final List<DtmfQueue.Key> read = new ArrayList<>();
  private final DigitReader reader = new DigitReader(queue, variables, read::add);

  private static DigitRequest question(int min, int max, String regexp) {
    return new DigitRequest(min, max, 1, "#", "prompt.wav", "silence_stream://250", "v", regexp);
  }

  private Map<String, String> keyed(DigitRequest request, String keys) {
    reader.playAndGetDigits(
        request,
        () -> {
          for (char key : keys.toCharArray()) {
            queue.queue(key, false);
          }
        });
    return variables;
  }

  @Test
  void keysThenHashSucceedAndNameTheTerminator() {
    assertEquals(
        Map.of("v", CARD, "read_result", "success", "read_terminator_used", "#"),
        keyed(question(1, 17, "[0-9*#]+"), CARD + "#"));
  }

  @Test
  void keysUpToTheMaximumSucceedWithoutATerminatorAndTheRestStaysQueued() {
    assertEquals(
        Map.of("v", "7391", "read_result", "success"), keyed(question(4, 4, "\\d+"), "7391#"));
    assertEquals(1, queue.size(), "the # after the fourth key waits for the next read");
  }

  @Test
  void keysThenSilenceTimeOutWithTheDigitsKept() {
    assertEquals(
        Map.of("v", CARD, "read_result", "timeout"), keyed(question(1, 17, "[0-9*#]+"), CARD));
  }

  @Test
  void fewerKeysThanTheMinimumFailWithTheVariableStillSet() {
    assertEquals(Map.of("v", "73", "read_result", "failure"), keyed(question(4, 4, "\\d+"), "73"));
  }

  @Test
  void keysTheExpressionRefusesAreMovedToInvalid() {
    assertEquals(
        Map.of("v_invalid", "12*4", "read_result", "success", "read_terminator_used", "#"),
        keyed(question(1, 17, "^\\d+$"), "12*4#"));
  }

  @Test
  void theExpressionIsSearchedNotAnchoredAsPcreDoes() {
    assertEquals("12*4", keyed(question(1, 17, "\\d"), "12*4#").get("v"));
  }

  @Test
  void aLoneHashOnALongEntryFailsAndNamesTheTerminator() {
    assertEquals(
        Map.of("read_result", "failure", "read_terminator_used", "#"),
        keyed(question(1, 17, "[0-9*#]+"), "#"));
  }

  @Test
  void aLoneHashOnAOneKeyQuestionSucceedsWithTheKeyDropped() {
    assertEquals(Map.of("read_result", "success"), keyed(question(1, 1, "[0-9*#]+"), "#"));
  }

  @Test
  void nothingFailsWithTheVariableUnset() {
    variables.put("v", "left from before");
    variables.put("read_terminator_used", "#");
    assertEquals(
        Map.of("read_result", "failure", "read_terminator_used", "#"),
        keyed(question(1, 17, "[0-9*#]+"), ""),
        "read_terminator_used is never cleared by a read");
  }

  @Test
  void everyKeyReadIsReportedOnceWithTheSensitivityItWasQueuedWith() {
    queue.queue('7', true);
    queue.queue('3', false);
    reader.playAndGetDigits(question(2, 2, "\\d+"), () -> {});
    assertEquals(List.of(new DtmfQueue.Key('7', true), new DtmfQueue.Key('3', false)), read);
  }
}
