// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one caller count gave: each path's figures over all rounds ({@code pooled}) and each round's
 * own rows, from which the aim's ratio is also read round by round, every part of a ratio measured
 * within minutes of the others.
 */
record Comparison(int callers, Map<BenchPath, RunResult> pooled, List<Round> rounds) {

  Comparison {
    pooled = Map.copyOf(pooled);
    rounds = List.copyOf(rounds);
  }

  /** One round: every path once, in {@code order}, each for its share of the transactions. */
  record Round(int number, List<BenchPath> order, Map<BenchPath, RunResult> results) {

    Round {
      order = List.copyOf(order);
      results = Map.copyOf(results);
    }

    RunResult result(BenchPath path) {
      return results.get(path);
    }

    /** The phone bank's median against bare jPOS plus the durable floor, all three this round. */
    double p50AgainstBarePlusFloor() {
      return aimRatio(results);
    }
  }

  RunResult result(BenchPath path) {
    return pooled.get(path);
  }

  RunResult bare() {
    return result(BenchPath.BARE);
  }

  RunResult floor() {
    return result(BenchPath.FLOOR);
  }

  RunResult indexedFloor() {
    return result(BenchPath.INDEXED_FLOOR);
  }

  RunResult journal() {
    return result(BenchPath.JOURNAL);
  }

  RunResult phoneBank() {
    return result(BenchPath.PHONE_BANK);
  }

  /** The phone bank's median against bare jPOS plus the durable floor, each over all rounds. */
  double p50AgainstBarePlusFloor() {
    return aimRatio(pooled);
  }

  /** {@link Round#p50AgainstBarePlusFloor()} of every round, in round order. */
  List<Double> roundRatios() {
    return rounds.stream().map(Round::p50AgainstBarePlusFloor).toList();
  }

  /** The median of the rounds' ratios (the mean of the middle two for an even count). */
  double medianRoundRatio() {
    List<Double> sorted = new ArrayList<>(roundRatios());
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  double lowestRoundRatio() {
    return Collections.min(roundRatios());
  }

  double highestRoundRatio() {
    return Collections.max(roundRatios());
  }

  private static double aimRatio(Map<BenchPath, RunResult> rows) {
    return rows.get(BenchPath.PHONE_BANK).p50Millis()
        / (rows.get(BenchPath.BARE).p50Millis() + rows.get(BenchPath.FLOOR).p50Millis());
  }

  /** This caller count's rows of the Markdown table. */
  void print() {
    for (BenchPath path : BenchPath.values()) {
      row(path.title(), result(path));
    }
    ratio("ratio bridge alone / bare", result(BenchPath.BRIDGE), bare());
    ratio("ratio phone bank / bare", phoneBank(), bare());
    System.out.printf(
        Locale.ROOT,
        "| **phone bank p50 / (bare p50 + floor p50)**, pooled over %d rounds | %d | | | | |"
            + " **%.2fx** | |%n",
        rounds.size(),
        callers,
        p50AgainstBarePlusFloor());
    System.out.printf(
        Locale.ROOT,
        "| **the same, round by round: median (lowest-highest)**; rounds in order: %s | %d | | |"
            + " | | **%.2fx** (%.2f-%.2fx) | |%n",
        roundRatios().stream()
            .map(r -> String.format(Locale.ROOT, "%.2f", r))
            .collect(Collectors.joining(" ")),
        callers,
        medianRoundRatio(),
        lowestRoundRatio(),
        highestRoundRatio());
    System.out.printf(
        Locale.ROOT,
        "| phone bank p50 / (bare p50 + indexed floor p50), pooled | %d | | | | | %.2fx | |%n",
        callers,
        phoneBank().p50Millis() / (bare().p50Millis() + indexedFloor().p50Millis()));
    System.out.flush();
  }

  /** The header of the table {@link #printRounds()} adds to. */
  static void printRoundsHeader() {
    System.out.printf(
        "%nRound by round: each path's p50 ms in that round and the round's phone bank p50 /"
            + " (bare p50 + floor p50); order: the paths in the order they ran, numbered as the"
            + " columns (1 bare ... 6 phone bank)%n%n");
    System.out.println(
        "| callers | round | order | bare | bridge | floor (f) | indexed floor (g) | journal |"
            + " phone bank | ratio |");
    System.out.println("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
  }

  /** One line a round, so a reader sees which parts moved when a round's ratio did. */
  void printRounds() {
    for (Round round : rounds) {
      StringBuilder line = new StringBuilder();
      line.append(String.format(Locale.ROOT, "| %d | %d | ", callers, round.number()));
      line.append(
          round.order().stream()
              .map(p -> String.valueOf(p.ordinal() + 1))
              .collect(Collectors.joining(" ")));
      for (BenchPath path : BenchPath.values()) {
        line.append(String.format(Locale.ROOT, " | %.2f", round.result(path).p50Millis()));
      }
      line.append(String.format(Locale.ROOT, " | %.2fx |", round.p50AgainstBarePlusFloor()));
      System.out.println(line);
    }
    System.out.flush();
  }

  private static void row(String name, RunResult r) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %d | %d | %d | %.0f | %.2f | %.2f |%n",
        name,
        r.callers(),
        r.transactions(),
        r.approved(),
        r.failed(),
        r.perSecond(),
        r.p50Millis(),
        r.p99Millis());
  }

  private static void ratio(String name, RunResult r, RunResult baseline) {
    System.out.printf(
        Locale.ROOT,
        "| %s | | | | | %.2fx | %.2fx | %.2fx |%n",
        name,
        r.perSecond() / baseline.perSecond(),
        r.p50Millis() / baseline.p50Millis(),
        r.p99Millis() / baseline.p99Millis());
  }
}
