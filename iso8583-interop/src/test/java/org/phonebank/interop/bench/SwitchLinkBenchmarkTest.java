// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The switch-link benchmark at a tiny size, so the harness behind BENCHMARKS.md keeps working, its
 * journalled rows keep failing no request, every path runs in every round and every ratio is read
 * from the rows it names. No timing is asserted: speed is read from the full run, never from a
 * test.
 */
class SwitchLinkBenchmarkTest {

  private static final int ROUNDS = 6;
  // Not a multiple of the rounds, so the shares differ and a round that skipped a path shows.
  private static final int TRANSACTIONS = 39;

  @Test
  void everyPathRunsInEveryRoundWithoutAFailedRequestAndTheRatiosComeFromTheirRows(
      @TempDir Path work) throws Exception {
    SwitchLinkBenchmark.Options options =
        new SwitchLinkBenchmark.Options(TRANSACTIONS, 10, List.of(4), ROUNDS, 4, null, work);

    List<Comparison> comparisons = SwitchLinkBenchmark.run(options);

    assertEquals(1, comparisons.size());
    Comparison comparison = comparisons.get(0);
    assertEquals(ROUNDS, comparison.rounds().size());
    for (BenchPath path : BenchPath.values()) {
      RunResult pooled = comparison.result(path);
      assertEquals(path.key(), pooled.path());
      assertEquals(TRANSACTIONS, pooled.transactions(), path.key());
      assertEquals(0, pooled.failed(), path.key() + " failed requests");
      int transactions = 0;
      int approved = 0;
      for (Comparison.Round round : comparison.rounds()) {
        RunResult row = round.result(path);
        assertEquals(path.key(), row.path(), "round " + round.number());
        assertEquals(
            Rounds.share(TRANSACTIONS, ROUNDS, round.number() - 1),
            row.transactions(),
            path.key() + " in round " + round.number());
        transactions += row.transactions();
        approved += row.approved();
      }
      assertEquals(TRANSACTIONS, transactions, path.key() + " over the rounds");
      assertEquals(pooled.approved(), approved, path.key() + " approvals over the rounds");
    }
    for (BenchPath journalled :
        List.of(
            BenchPath.FLOOR, BenchPath.INDEXED_FLOOR, BenchPath.JOURNAL, BenchPath.PHONE_BANK)) {
      assertEquals(TRANSACTIONS, comparison.result(journalled).approved(), journalled.key());
    }

    List<Double> ratios = new ArrayList<>();
    for (Comparison.Round round : comparison.rounds()) {
      assertEquals(EnumSet.allOf(BenchPath.class), EnumSet.copyOf(round.order()));
      double ratio = ratioOf(List.copyOf(round.results().values()));
      assertEquals(ratio, round.p50AgainstBarePlusFloor(), 1e-12, "round " + round.number());
      ratios.add(ratio);
    }
    assertEquals(ratios, comparison.roundRatios());
    Collections.sort(ratios);
    assertEquals((ratios.get(2) + ratios.get(3)) / 2, comparison.medianRoundRatio(), 1e-12);
    assertEquals(ratios.get(0), comparison.lowestRoundRatio(), 1e-12);
    assertEquals(ratios.get(ROUNDS - 1), comparison.highestRoundRatio(), 1e-12);
    assertEquals(
        ratioOf(List.copyOf(comparison.pooled().values())),
        comparison.p50AgainstBarePlusFloor(),
        1e-12);
    assertTrue(comparison.p50AgainstBarePlusFloor() > 0);
  }

  @Test
  void sixRoundsPutEveryPathFirstLastAndAfterEveryOtherPathOnce() {
    int paths = BenchPath.values().length;
    Set<Integer> firsts = new HashSet<>();
    Set<Integer> lasts = new HashSet<>();
    Set<List<Integer>> neighbours = new HashSet<>();
    for (int round = 0; round < paths; round++) {
      List<Integer> order = Rounds.order(round, paths);
      assertEquals(paths, new HashSet<>(order).size(), "round " + round + " is " + order);
      firsts.add(order.get(0));
      lasts.add(order.get(paths - 1));
      for (int place = 1; place < paths; place++) {
        assertTrue(
            neighbours.add(List.of(order.get(place - 1), order.get(place))),
            "a pair met twice in round " + round + ": " + order);
      }
    }
    assertEquals(paths, firsts.size());
    assertEquals(paths, lasts.size());
    assertEquals(paths * (paths - 1), neighbours.size());
  }

  @Test
  void theRoundsSharesAddUpToTheTransactions() {
    int total = 0;
    for (int round = 0; round < ROUNDS; round++) {
      int share = Rounds.share(TRANSACTIONS, ROUNDS, round);
      assertTrue(share == 6 || share == 7, "round " + round + " got " + share);
      total += share;
    }
    assertEquals(TRANSACTIONS, total);
  }

  /** Phone bank / (bare + floor) read from rows found by the path name each row carries. */
  private static double ratioOf(List<RunResult> rows) {
    return p50(rows, BenchPath.PHONE_BANK)
        / (p50(rows, BenchPath.BARE) + p50(rows, BenchPath.FLOOR));
  }

  private static double p50(List<RunResult> rows, BenchPath path) {
    List<RunResult> named = rows.stream().filter(r -> r.path().equals(path.key())).toList();
    assertEquals(1, named.size(), path.key() + " rows");
    return named.get(0).p50Millis();
  }
}
