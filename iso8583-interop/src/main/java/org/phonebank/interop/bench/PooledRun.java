// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.bench;

/**
 * One path's rounds added up: every request's round trip, the seconds its rounds took and their
 * approvals and failures, for figures over the whole run rather than a round.
 */
final class PooledRun {

  private final String path;
  private final Latencies latencies;
  private double seconds;
  private int approved;
  private int failed;

  PooledRun(String path, int capacity) {
    this.path = path;
    this.latencies = new Latencies(capacity);
  }

  void add(Latencies round, double roundSeconds, int roundApproved, int roundFailed) {
    latencies.addAll(round);
    seconds += roundSeconds;
    approved += roundApproved;
    failed += roundFailed;
  }

  RunResult result(int callers) {
    return new RunResult(
        path,
        callers,
        latencies.count(),
        latencies.count() / seconds,
        latencies.quantileMillis(0.50),
        latencies.quantileMillis(0.99),
        approved,
        failed);
  }
}
