// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim.load;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.phonebank.phonesim.CallGenerator;
import org.phonebank.phonesim.Transcript;

/**
 * Runs a {@link LoadPlan}: a clock places a call at every arrival unless the concurrency cap is
 * reached, each call is timed by a {@link StepTimer}, and once the cap is first reached the
 * server's heap can be read while that many calls are up.
 */
final class LoadRun {

  private static final int ERROR_SAMPLES = 5;
  private static final Duration DRAIN_GRACE = Duration.ofSeconds(5);

  private final LoadPlan plan;
  private final LongUnaryOperator liveHeapOfPid;
  private final LongUnaryOperator residentOfPid;

  private final StepLatencies latencies = new StepLatencies();
  private final StepLatencies warmUpLatencies = new StepLatencies();
  private long timedFrom;
  private long arrivalsEnd;
  private final AtomicInteger held = new AtomicInteger();
  private final AtomicInteger peakHeld = new AtomicInteger();
  private final String peerSecret;
  private final AtomicInteger placed = new AtomicInteger();
  private final AtomicInteger bankHungUp = new AtomicInteger();
  private final AtomicInteger callerHungUp = new AtomicInteger();
  private final AtomicInteger errors = new AtomicInteger();
  private final AtomicInteger overCap = new AtomicInteger();
  private final Latencies completionTimes = new Latencies();
  private final AtomicLong lastEnd = new AtomicLong();
  private final List<String> errorSamples = new ArrayList<>();
  private final CountDownLatch capReached = new CountDownLatch(1);

  /**
   * @param liveHeapOfPid reads a process's live heap bytes (see {@link HeapProbe}); used only when
   *     the plan names a server pid
   * @param residentOfPid reads a process's resident memory, thread stacks included (0 when unknown)
   * @param peerSecret the phone bank's Event Socket peer secret every call carries (null for none)
   */
  LoadRun(
      LoadPlan plan,
      String peerSecret,
      LongUnaryOperator liveHeapOfPid,
      LongUnaryOperator residentOfPid) {
    this.plan = plan;
    this.peerSecret = peerSecret;
    this.liveHeapOfPid = liveHeapOfPid;
    this.residentOfPid = residentOfPid;
  }

  LoadResult run() throws InterruptedException {
    long pid = plan.serverPid();
    long baseline = pid > 0 ? liveHeapOfPid.applyAsLong(pid) : 0;
    long residentBaseline = pid > 0 ? residentOfPid.applyAsLong(pid) : 0;
    Optional<LoadResult.HeapPerCall> memory = Optional.empty();
    long start;
    try (CallGenerator generator = new CallGenerator(plan.threads(), peerSecret)) {
      ScheduledExecutorService clock =
          Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("call-arrivals"));
      start = System.nanoTime();
      timedFrom = start + plan.warmUp().toNanos();
      arrivalsEnd = start + plan.duration().toNanos();
      lastEnd.set(start);
      long period = Math.max(1, (long) (1e9 / plan.callsPerSecond()));
      clock.scheduleAtFixedRate(() -> arrive(generator), 0, period, TimeUnit.NANOSECONDS);
      if (plan.serverPid() > 0
          && capReached.await(plan.duration().toNanos(), TimeUnit.NANOSECONDS)) {
        int before = held.get();
        long holding = liveHeapOfPid.applyAsLong(pid);
        long resident = residentOfPid.applyAsLong(pid);
        memory =
            Optional.of(
                new LoadResult.HeapPerCall(
                    baseline, holding, residentBaseline, resident, Math.min(before, held.get())));
      }
      TimeUnit.NANOSECONDS.sleep(Math.max(0, arrivalsEnd - System.nanoTime()));
      clock.shutdownNow();
      clock.awaitTermination(10, TimeUnit.SECONDS);
      drain();
    }
    synchronized (errorSamples) {
      return new LoadResult(
          plan,
          placed.get(),
          bankHungUp.get(),
          callerHungUp.get(),
          errors.get(),
          overCap.get(),
          peakHeld.get(),
          Duration.ofNanos(lastEnd.get() - start),
          steadyCompletions(start),
          latencies.summaries(),
          warmUpLatencies.summaries(),
          memory,
          List.copyOf(errorSamples));
    }
  }

  /** One arrival, on the clock's thread: the only place {@code held} grows. */
  private void arrive(CallGenerator generator) {
    if (held.get() >= plan.concurrentCalls()) {
      overCap.incrementAndGet();
      return;
    }
    int now = held.incrementAndGet();
    peakHeld.accumulateAndGet(now, Math::max);
    if (now >= plan.concurrentCalls()) {
      capReached.countDown();
    }
    int caller = placed.getAndIncrement();
    try {
      CompletableFuture<Transcript> call =
          generator.place(
              plan.host(),
              plan.port(),
              plan.scriptFor(caller),
              plan.thinkTime(),
              plan.callTimeout(),
              new StepTimer(System.nanoTime() < timedFrom ? warmUpLatencies : latencies));
      call.thenAccept(this::ended);
    } catch (RuntimeException e) {
      // An exception would stop the clock's schedule for good; count it and go on.
      noteError("could not place the call: " + e);
      held.decrementAndGet();
    }
  }

  private void ended(Transcript transcript) {
    long now = System.nanoTime();
    if (transcript.ending() != Transcript.Ending.ERROR) {
      completionTimes.add(now);
    }
    switch (transcript.ending()) {
      // A call handed to an officer was completed by the bank, as a hung-up one is.
      case APP_HUNG_UP, TRANSFERRED -> bankHungUp.incrementAndGet();
      case CALLER_HUNG_UP -> callerHungUp.incrementAndGet();
      case ERROR -> noteError(transcript.detail());
    }
    lastEnd.accumulateAndGet(now, Math::max);
    held.decrementAndGet();
  }

  private void noteError(String detail) {
    errors.incrementAndGet();
    synchronized (errorSamples) {
      if (errorSamples.size() < ERROR_SAMPLES) {
        errorSamples.add(detail);
      }
    }
  }

  /**
   * Completions from when calls have begun to end (and the warm-up is over) until the last arrival:
   * before the first call ends, completions lag arrivals by a call's length.
   */
  private LoadResult.Steady steadyCompletions(long start) {
    Latencies.Summary times = completionTimes.summary();
    if (times.count() == 0) {
      return new LoadResult.Steady(0, Duration.ZERO);
    }
    long from = Math.max(timedFrom, times.percentile(0));
    int completed = 0;
    for (int i = 0; i < times.count(); i++) {
      long at = times.at(i);
      if (at >= from && at <= arrivalsEnd) {
        completed++;
      }
    }
    return new LoadResult.Steady(completed, Duration.ofNanos(Math.max(0, arrivalsEnd - from)));
  }

  /** Waits for the calls still up; each has its own time-out, so this ends. */
  private void drain() throws InterruptedException {
    long deadline = System.nanoTime() + plan.callTimeout().plus(DRAIN_GRACE).toNanos();
    while (held.get() > 0 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
  }
}
