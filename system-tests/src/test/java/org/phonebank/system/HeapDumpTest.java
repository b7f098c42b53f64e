// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap dump search finds what this JVM holds and misses what it wiped, so the full-stack test
 * that finds nothing in Payara's dump could have found something. The secrets are made from digits
 * at run time and the search terms only after the dump, so the dump holds no copy of its own.
 */
class HeapDumpTest {

  private static final int[] PIN = {1, 6, 5, 9};
  private static final int[] WIPED = {3, 7, 0, 4};
  private static final int[] CARD = {6, 0, 3, 7, 9, 9, 1, 2, 2, 4, 5, 6, 7, 8, 9, 2};

  @TempDir Path folder;

  private static char[] chars(int[] digits) {
    char[] chars = new char[digits.length];
    for (int i = 0; i < digits.length; i++) {
      chars[i] = (char) ('0' + digits[i]);
    }
    return chars;
  }

  @Test
  void aPinAsAStringACharArrayOrInContextAndACardAreFoundAWipedArrayIsNot() throws Exception {
    char[] pinChars = chars(PIN);
    String pinString = new String(pinChars);
    String context = "variable_pb_secret: " + pinString + "\n";
    String card = new String(chars(CARD));
    String persian = "\u0641" + card; // a String held as UTF-16
    char[] wiped = chars(WIPED);
    Arrays.fill(wiped, '\0');

    Path file = folder.resolve("self.hprof");
    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
        .dumpHeap(file.toString(), true);
    Reference.reachabilityFence(List.of(pinChars, pinString, context, card, persian, wiped));
    HeapDump dump = new HeapDump(file);

    String pin = new String(chars(PIN));
    String wipedPin = new String(chars(WIPED));
    assertEquals(List.of(pin), dump.findArrays(List.of(pin, wipedPin)));
    List<String> found =
        dump.findBytes(
            Map.of(
                "card", HeapDump.encodings(new String(chars(CARD))),
                "pin in context", HeapDump.encodings("pb_secret: " + pin),
                "wiped pin in context", HeapDump.encodings("pb_secret: " + wipedPin)));
    assertEquals(List.of("card", "pin in context"), found.stream().sorted().toList());
  }

  @Test
  void aCopyHeldOnlyAsAnEventSocketFrameLengthIsToldApartFromOneHeldElsewhere() throws Exception {
    String length = new String(chars(PIN));
    org.phonebank.esl.EslHeader header = new org.phonebank.esl.EslHeader("Content-Length", length);
    String elsewhere = new String(chars(WIPED));
    List<Object> holder = new java.util.ArrayList<>(List.of(elsewhere));

    Path file = folder.resolve("lengths.hprof");
    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
        .dumpHeap(file.toString(), true);
    Reference.reachabilityFence(List.of(header, holder));

    List<HeapDump.ArrayCopy> copies =
        new HeapDump(file).arrayCopies(List.of(new String(chars(PIN)), new String(chars(WIPED))));
    Map<String, Boolean> frameLength = new java.util.TreeMap<>();
    copies.forEach(c -> frameLength.merge(c.secret(), c.isFrameLength(), Boolean::logicalAnd));
    assertEquals(
        Map.of(new String(chars(PIN)), true, new String(chars(WIPED)), false),
        frameLength,
        copies.toString());
  }
}
