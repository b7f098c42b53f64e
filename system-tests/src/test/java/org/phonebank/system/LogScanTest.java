// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogScanTest {

  @Test
  void findsAWholeCardNumberAndAStandalonePin(@TempDir Path logs) throws Exception {
    Files.writeString(
        logs.resolve("server.log"), "ok line\ncard 6037991234567893 seen\npin=7391\n");
    List<String> findings =
        new LogScan()
            .cardNumbers(List.of("6037991234567893"))
            .pins(List.of("7391"))
            .findingsIn(List.of(logs));
    assertEquals(2, findings.size(), findings.toString());
  }

  @Test
  void aMaskedCardOrAPinInsideALongerNumberIsNotAFinding(@TempDir Path logs) throws Exception {
    Files.writeString(
        logs.resolve("server.log"), "card 603799******7893\ntimeMillis: 1795441173912\n");
    List<String> findings =
        new LogScan()
            .cardNumbers(List.of("6037991234567893"))
            .pins(List.of("7391"))
            .findingsIn(List.of(logs));
    assertTrue(findings.isEmpty(), findings.toString());
  }

  @Test
  void aPinsDigitsAsAGroupOfACallsUuidAreNotAFindingButThePinBesideItIs(@TempDir Path logs)
      throws Exception {
    Files.writeString(
        logs.resolve("server.log"),
        "Call 419217ed-2580-4384-8245-d2fd8cf8c1ac ended: SERVED.\n"
            + "Call 419217ed-2580-4384-8245-d2fd8cf8c1ac keyed 2580\n");
    List<String> findings = new LogScan().pins(List.of("2580")).findingsIn(List.of(logs));
    assertEquals(1, findings.size(), findings.toString());
    assertTrue(findings.get(0).contains("server.log:2:"), findings.toString());
  }
}
