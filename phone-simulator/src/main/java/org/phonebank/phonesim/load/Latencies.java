// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim.load;

import java.util.Arrays;

/** A growing set of latency samples in nanoseconds, safe to add to from several threads. */
final class Latencies {

  private long[] samples = new long[1024];
  private int count;

  synchronized void add(long nanos) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, count * 2);
    }
    samples[count++] = nanos;
  }

  synchronized Summary summary() {
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    return new Summary(sorted);
  }

  /** Nearest-rank percentiles of the samples taken so far. */
  static final class Summary {
    private final long[] sorted;

    Summary(long[] sorted) {
      this.sorted = sorted;
    }

    int count() {
      return sorted.length;
    }

    /** The smallest sample at or above {@code percent} of them; 0 when there are none. */
    long percentile(double percent) {
      if (sorted.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The {@code index}-th smallest sample. */
    long at(int index) {
      return sorted[index];
    }

    long max() {
      return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }
  }
}
