// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.bench;

import java.util.Arrays;

/** Round-trip times of one measured run, in nanoseconds, and what they add up to. */
final class Latencies {

  private final long[] nanos;
  private int count;

  Latencies(int capacity) {
    this.nanos = new long[capacity];
  }

  synchronized void add(long elapsedNanos) {
    nanos[count++] = elapsedNanos;
  }

  /** Adds every round trip of {@code other}, which no thread is adding to any more. */
  synchronized void addAll(Latencies other) {
    long[] theirs;
    int theirCount;
    synchronized (other) {
      theirs = other.nanos;
      theirCount = other.count;
    }
    System.arraycopy(theirs, 0, nanos, count, theirCount);
    count += theirCount;
  }

  synchronized int count() {
    return count;
  }

  /** The {@code fraction} quantile (0.5 = median), nearest-rank, in milliseconds. */
  synchronized double quantileMillis(double fraction) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(fraction * count);
    return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1_000_000.0;
  }
}
