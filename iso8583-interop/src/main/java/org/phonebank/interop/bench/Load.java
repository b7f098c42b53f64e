// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives {@code callers.size()} threads, each with its own caller, until {@code transactions}
 * balance inquiries have been done in all; each inquiry is timed on its own thread. A run may add
 * its round trips to a {@link PooledRun}, its path's total over the rounds.
 */
final class Load {

  private Load() {}

  static RunResult run(String path, List<Caller> callers, int transactions)
      throws InterruptedException {
    return run(path, callers, transactions, null);
  }

  /**
   * @param pooled the path's total the run adds to, or null (a warm-up)
   */
  static RunResult run(String path, List<Caller> callers, int transactions, PooledRun pooled)
      throws InterruptedException {
    Latencies latencies = new Latencies(transactions);
    AtomicInteger left = new AtomicInteger(transactions);
    AtomicInteger approved = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    AtomicInteger failed = new AtomicInteger();
    AtomicReference<Exception> firstFailure = new AtomicReference<>();
    long start = System.nanoTime();
    for (int i = 0; i < callers.size(); i++) {
      Caller caller = callers.get(i);
      Thread t =
          new Thread(
              () -> {
                while (left.getAndDecrement() > 0) {
                  long sent = System.nanoTime();
                  boolean ok;
                  try {
                    ok = caller.balanceInquiry();
                  } catch (Exception e) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, e);
                    ok = false;
                  }
                  latencies.add(System.nanoTime() - sent);
                  if (ok) {
                    approved.incrementAndGet();
                  }
                }
              },
              path + "-caller-" + i);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (failed.get() > 0) {
      Throwable root = firstFailure.get();
      while (root.getCause() != null) {
        root = root.getCause();
      }
      System.err.println(
          path
              + ": "
              + failed.get()
              + " inquiries threw, first: "
              + firstFailure.get()
              + " (root cause: "
              + root
              + ")");
    }
    if (pooled != null) {
      pooled.add(latencies, seconds, approved.get(), failed.get());
    }
    return new RunResult(
        path,
        callers.size(),
        latencies.count(),
        latencies.count() / seconds,
        latencies.quantileMillis(0.50),
        latencies.quantileMillis(0.99),
        approved.get(),
        failed.get());
  }
}
