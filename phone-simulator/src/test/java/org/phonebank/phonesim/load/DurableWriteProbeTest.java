// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableWriteProbeTest {

  @TempDir Path directory;

  @Test
  void timesOneDurableWritePerIntervalAndLeavesNoFileBehind() throws Exception {
    DurableWriteProbe probe = new DurableWriteProbe(directory, Duration.ofMillis(20));

    probe.measure(Duration.ofMillis(400));

    Latencies.Summary writes = probe.summary();
    // 400 ms at one write per 20 ms: 20, give or take the scheduler's rounding at the edges.
    assertTrue(writes.count() >= 15 && writes.count() <= 21, "writes: " + writes.count());
    assertTrue(writes.percentile(50) > 0, "a durable write takes time");
    assertTrue(writes.max() >= writes.percentile(99));
    assertFalse(Files.exists(directory.resolve(DurableWriteProbe.FILE_NAME)));
    assertTrue(probe.markdown().contains("| " + writes.count() + " | "), probe.markdown());
  }

  @Test
  void aMissingDirectoryOrABadIntervalIsRefusedWithTheUsage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

    assertEquals(64, DurableWriteProbe.run(new String[] {"--seconds", "1"}, System.out, errors));
    assertEquals(
        64,
        DurableWriteProbe.run(
            new String[] {"--dir", directory.toString(), "--interval-ms", "0"},
            System.out,
            errors));
    assertEquals(
        64,
        DurableWriteProbe.run(
            new String[] {"--dir", directory.toString(), "--seconds"}, System.out, errors));
    String said = err.toString(StandardCharsets.UTF_8);
    assertTrue(said.contains("--dir is required."), said);
    assertTrue(said.contains("--interval-ms must be at least 1."), said);
    assertTrue(said.contains("usage: DurableWriteProbe"), said);
  }

  @Test
  void aDirectoryThatCannotBeWrittenIsReportedNotThrown() throws Exception {
    Path notADirectory = Files.writeString(directory.resolve("a-file"), "x");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        DurableWriteProbe.run(
            new String[] {"--dir", notADirectory.toString(), "--seconds", "1"},
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(1, status);
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("Could not write durably"), err.toString());
  }
}
