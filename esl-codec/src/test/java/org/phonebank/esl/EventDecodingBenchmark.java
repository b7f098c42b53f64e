// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Garbage and time of decoding one call's Event Socket events (issue 15: decoding made about 1.4
 * MiB of garbage per call, and young-generation pauses set the call-load tail). The call is every
 * {@code text/event-plain} body of the real FreeSWITCH captures in {@code fixtures/esl} (the events
 * of an outbound session with answer, playback, bridge and hang-up, about 200 headers each, plus
 * the documentation's samples). Three decoders in the same run: the floor (copying each body, which
 * the frame decoder does anyway), the String-based parser as it was before ({@link
 * PreviousEventParser}) and {@link EslEvent#parse}. Allocation is read from the JVM's own
 * per-thread counter, so it does not depend on a noisy machine; the time does.
 *
 * <p>Run by {@code bench/esl-decoding/run [--calls N]}; a tiny run is part of the tests ({@code
 * EventDecodingBenchmarkTest}).
 */
public final class EventDecodingBenchmark {

  /** One decoder's figures per call. */
  record Result(String decoder, double bytesPerCall, double microsPerCall) {}

  private final List<byte[]> call;
  private final int calls;

  EventDecodingBenchmark(List<byte[]> call, int calls) {
    if (calls < 1) {
      throw new IllegalArgumentException("At least one call: " + calls);
    }
    this.call = call;
    this.calls = calls;
  }

  public static void main(String[] args) {
    int calls = 20_000;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--calls") && i + 1 < args.length) {
        calls = Integer.parseInt(args[++i]);
      } else {
        throw new IllegalArgumentException("Usage: EventDecodingBenchmark [--calls N]");
      }
    }
    List<byte[]> call = EventParserAgreesWithThePreviousOneTest.capturedEventBodies();
    EventDecodingBenchmark benchmark = new EventDecodingBenchmark(call, calls);
    System.out.printf(
        Locale.ROOT,
        "one call = %d events, %d bytes of event bodies; %d calls per decoder after as many to warm"
            + " up%n",
        call.size(),
        call.stream().mapToInt(b -> b.length).sum(),
        calls);
    List<Result> results = benchmark.run();
    Result floor = results.get(0);
    System.out.println(
        "| decoder | allocated per call | x floor | time per call | x floor |\n|---|---|---|---|---|");
    for (Result r : results) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %.1f KiB | %.2f | %.1f µs | %.2f |%n",
          r.decoder(),
          r.bytesPerCall() / 1024,
          r.bytesPerCall() / floor.bytesPerCall(),
          r.microsPerCall(),
          r.microsPerCall() / floor.microsPerCall());
    }
  }

  /** Floor, previous parser, current parser: each warmed up, then measured over the calls. */
  List<Result> run() {
    List<Result> results = new ArrayList<>();
    results.add(measure("copy of each body (floor)", body -> body.clone().length));
    results.add(
        measure(
            "previous String-based parser",
            body -> PreviousEventParser.parse(body, new ArrayList<>()).size()));
    results.add(measure("EslEvent.parse", body -> EslEvent.parse(body).headers().size()));
    return results;
  }

  private interface Decoder {
    int decode(byte[] body);
  }

  private Result measure(String name, Decoder decoder) {
    long sink = decodeCalls(decoder); // warm-up: let the JIT compile the decoder first
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long allocatedBefore = threads.getThreadAllocatedBytes(thread);
    long started = System.nanoTime();
    sink += decodeCalls(decoder);
    long elapsed = System.nanoTime() - started;
    long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
    if (sink == 42) {
      System.out.print(""); // keeps the decoding from being optimised away
    }
    return new Result(name, (double) allocated / calls, elapsed / 1000.0 / calls);
  }

  private long decodeCalls(Decoder decoder) {
    long sink = 0;
    for (int i = 0; i < calls; i++) {
      for (byte[] body : call) {
        sink += decoder.decode(body);
      }
    }
    return sink;
  }
}
