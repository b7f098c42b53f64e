// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Load driver for BENCHMARKS.md: times whole calls from TCP connect to hang-up against a running
 * phone bank. It alternates a full balance call with a baseline call in which the caller hangs up
 * at the first question, so both are measured under the same machine noise and the ratio says what
 * the card, PIN, switch round trip and journal add to the bare Event Socket set-up and tear-down.
 *
 * <p>Usage: {@code CallTimingBenchmark <host> <port> <calls> "<full keys>" "<baseline keys>"
 * <peer-secret-file>}
 */
public final class CallTimingBenchmark {

  private static final int WARM_UP_CALLS = 20;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static String peerSecret;

  private CallTimingBenchmark() {}

  public static void main(String[] args) {
    if (args.length != 6 && args.length != 7) {
      System.err.println(
          "usage: CallTimingBenchmark <host> <port> <calls> \"<full keys>\" \"<baseline keys>\""
              + " <peer-secret-file> [<warm-up calls, default "
              + WARM_UP_CALLS
              + ">]");
      System.exit(64);
    }
    peerSecret = PhoneSimulator.readSecret(args[5]);
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    int calls = Integer.parseInt(args[2]);
    CallScript full = CallScript.parse(args[3]);
    CallScript baseline = CallScript.parse(args[4]);
    int warmUp = args.length == 7 ? Integer.parseInt(args[6]) : WARM_UP_CALLS;
    for (int i = 0; i < warmUp; i++) {
      time(host, port, full, Transcript.Ending.APP_HUNG_UP);
      time(host, port, baseline, Transcript.Ending.CALLER_HUNG_UP);
    }
    long[] fullNanos = new long[calls];
    long[] baselineNanos = new long[calls];
    for (int i = 0; i < calls; i++) {
      fullNanos[i] = time(host, port, full, Transcript.Ending.APP_HUNG_UP);
      baselineNanos[i] = time(host, port, baseline, Transcript.Ending.CALLER_HUNG_UP);
    }
    Arrays.sort(fullNanos);
    Arrays.sort(baselineNanos);
    System.out.println(row("balance call (connect to hang-up)", fullNanos));
    System.out.println(row("baseline: caller hangs up at the first question", baselineNanos));
    System.out.printf(
        Locale.ROOT,
        "ratio full/baseline: p50 %.2fx, p99 %.2fx (%d calls each after %d warm-up)%n",
        (double) percentile(fullNanos, 50) / percentile(baselineNanos, 50),
        (double) percentile(fullNanos, 99) / percentile(baselineNanos, 99),
        calls,
        warmUp);
  }

  private static long time(String host, int port, CallScript script, Transcript.Ending expected) {
    long start = System.nanoTime();
    Transcript transcript = PhoneSimulator.call(host, port, peerSecret, script, TIMEOUT);
    long elapsed = System.nanoTime() - start;
    if (transcript.ending() != expected) {
      throw new IllegalStateException("Call ended unexpectedly: " + transcript.detail());
    }
    return elapsed;
  }

  private static long percentile(long[] sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static String row(String name, long[] sorted) {
    return String.format(
        Locale.ROOT,
        "%-50s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms",
        name,
        percentile(sorted, 50) / 1e6,
        percentile(sorted, 99) / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }
}
