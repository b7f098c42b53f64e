// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadReportTest {

  @Test
  void callersTakeSeveralKeyScriptsInTurn() {
    LoadPlan plan =
        LoadOptions.parse(
            new String[] {
              "--keys", "2 6037991234567893# 7391", "--keys", "2 6104337654321098# 2580"
            });
    assertEquals(2, plan.scripts().size());
    assertEquals(plan.scripts().get(0), plan.scriptFor(0));
    assertEquals(plan.scripts().get(1), plan.scriptFor(1));
    assertEquals(plan.scripts().get(0), plan.scriptFor(2));
    assertEquals(plan.scripts().get(0), plan.script());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            LoadOptions.parse(new String[] {"--keys", "2 6037991234567893# 7391", "--keys", "2"}));
  }

  @Test
  void roundTripRowsSubtractTheSwitchDelayAndGiveTheRatio() {
    LoadPlan plan =
        LoadOptions.parse(
            new String[] {
              "--keys", "2 6037991234567893# 7391", "--switch-delay-ms", "100",
              "--duration-seconds", "10", "--warm-up-seconds", "6"
            });
    StepLatencies latencies = new StepLatencies();
    for (int i = 0; i < 100; i++) {
      latencies.command(3, true, 1_000_000);
      latencies.prompt(3, "main-menu", i < 99 ? 102_000_000 : 104_000_000);
    }
    LoadResult result =
        new LoadResult(
            plan,
            100,
            100,
            0,
            0,
            0,
            40,
            Duration.ofSeconds(12),
            new LoadResult.Steady(100, Duration.ofSeconds(4)),
            latencies.summaries(),
            List.of(),
            Optional.of(
                new LoadResult.HeapPerCall(
                    10L << 20,
                    (10L << 20) + 40 * 8192,
                    100L << 20,
                    (100L << 20) + 40 * 65_536,
                    40)),
            List.of());

    String report = LoadReport.markdown(result);

    assertEquals(3, plan.timedStep());
    assertTrue(report.contains("arrivals on) | 25.0 (100 in 4.0 s) |"), report);
    assertTrue(report.contains("| server heap per held call | 8.0 KiB"), report);
    assertTrue(report.contains("buffers) | 64.0 KiB (100.0 → 102.5 MiB) |"), report);
    assertTrue(report.contains("| keys → next prompt | 102.00 ms | 102.00 ms |"), report);
    assertTrue(
        report.contains("| added by the phone bank (minus the delay) | 2.00 ms | 2.00 ms |"),
        report);
    assertTrue(report.contains("| ratio to the delay | 1.02x | 1.02x |"), report);
  }

  @Test
  void callsRefusedBeforeTheSwitchAreCountedApartAndLeftOutOfTheRoundTrip() {
    LoadPlan plan =
        LoadOptions.parse(
            new String[] {
              "--keys", "2 6037991234567893# 7391", "--switch-delay-ms", "50",
              "--duration-seconds", "10", "--warm-up-seconds", "2"
            });
    StepLatencies timed = new StepLatencies();
    for (int i = 0; i < 100; i++) {
      timed.command(3, true, 1_000_000);
      if (i < 90) {
        timed.prompt(3, "main-menu", 53_000_000);
      } else {
        // No PIN try left: card-locked at once, without the switch's 50 ms.
        timed.prompt(3, "card-locked", 4_000_000);
      }
    }
    StepLatencies warmUp = new StepLatencies();
    for (int i = 0; i < 20; i++) {
      warmUp.command(3, true, 1_000_000);
      warmUp.prompt(3, i < 15 ? "main-menu" : "card-locked", 60_000_000);
    }
    LoadResult result =
        new LoadResult(
            plan,
            121,
            121,
            0,
            0,
            0,
            40,
            Duration.ofSeconds(12),
            new LoadResult.Steady(100, Duration.ofSeconds(8)),
            timed.summaries(),
            warmUp.summaries(),
            Optional.empty(),
            List.of());

    String report = LoadReport.markdown(result);

    // 121 placed, 105 reached the main menu: 15 refused, and one that never got to the PIN.
    assertTrue(
        report.contains(
            "| calls whose step 3 was not answered with main-menu (refused before the switch, e.g."
                + " no PIN try left, or ended sooner; not timed against the switch) | 16 (13.2 %) |"),
        report);
    assertTrue(report.contains("| main-menu (expected: the switch answered) | 90 | 15 |"), report);
    assertTrue(report.contains("| card-locked | 10 | 5 |"), report);
    assertTrue(
        report.contains("the 90 timed calls answered with main-menu) | p50 | p99 |"), report);
    assertTrue(report.contains("| keys → next prompt | 53.00 ms | 53.00 ms |"), report);
    assertTrue(
        report.contains("| added by the phone bank (minus the delay) | 3.00 ms | 3.00 ms |"),
        report);
    assertTrue(
        report.contains("| keys → next prompt, every answer (100 calls) | 53.00 ms | 53.00 ms |"),
        report);
  }

  @Test
  void noRoundTripIsReportedWhenNoCallReachedTheSwitch() {
    LoadPlan plan =
        LoadOptions.parse(
            new String[] {"--keys", "2 6037991234567893# 7391", "--switch-delay-ms", "50"});
    StepLatencies timed = new StepLatencies();
    timed.command(3, true, 1_000_000);
    timed.prompt(3, "card-locked", 4_000_000);
    LoadResult result =
        new LoadResult(
            plan,
            1,
            1,
            0,
            0,
            0,
            1,
            Duration.ofSeconds(1),
            new LoadResult.Steady(1, Duration.ofSeconds(1)),
            timed.summaries(),
            List.of(),
            Optional.empty(),
            List.of());

    String report = LoadReport.markdown(result);

    assertTrue(report.contains("not timed against the switch) | 1 (100.0 %) |"), report);
    assertTrue(
        report.contains(
            "No timed call was answered with main-menu at step 3: no switch round trip"),
        report);
  }

  @Test
  void histogramTotalIsTheLiveHeap() {
    String histogram =
        "12345:\n num     #instances         #bytes  class name (module)\n"
            + "-------------------------------------------------------\n"
            + "   1:         20000        1600000  [B (java.base@17)\n"
            + "Total        123456       98765432\n";
    assertEquals(98_765_432L, HeapProbe.totalBytes(histogram));
    assertThrows(IllegalStateException.class, () -> HeapProbe.totalBytes("no such process"));
  }

  @Test
  void heapAndResidentMemoryOfARunningJvmAreRead() {
    long pid = ProcessHandle.current().pid();
    assertTrue(new HeapProbe().liveBytes(pid) > 0);
    assertTrue(new HeapProbe().residentBytes(pid) > new HeapProbe().liveBytes(pid));
    assertEquals(
        2048 * 1024L, HeapProbe.residentBytesIn("Name:\tjava\nVmRSS:\t    2048 kB\nThreads: 9\n"));
    // The Pss line, not Pss_Anon or Pss_File after it (Linux's smaps_rollup, fs/proc/task_mmu.c).
    String rollup =
        "55d0-7ffd ---p 00000000 00:00 0 [rollup]\nRss:  300 kB\nPss:  120 kB\n"
            + "Pss_Anon:  100 kB\nPss_File:  20 kB\n";
    assertEquals(120 * 1024L, HeapProbe.proportionalBytesIn(rollup));
    assertEquals(0, HeapProbe.proportionalBytesIn("Rss:  300 kB\n"));
  }

  @Test
  void eslOptionSetsHostAndPortAndBadValuesAreRefused() {
    LoadPlan plan = LoadOptions.parse(new String[] {"--esl", "10.0.0.7:9084", "--rate", "12.5"});
    assertEquals("10.0.0.7", plan.host());
    assertEquals(9084, plan.port());
    assertEquals(12.5, plan.callsPerSecond());
    assertThrows(
        IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--esl", "nohost"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> LoadOptions.parse(new String[] {"--concurrent", "0"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> LoadOptions.parse(new String[] {"--keys", "1", "--round-trip-step", "2"}));
  }
}
