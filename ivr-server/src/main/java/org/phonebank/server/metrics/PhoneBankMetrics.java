// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.phonebank.banking.BankSwitch;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.SwitchRequest;
import org.phonebank.banking.TransactionIds;
import org.phonebank.call.PeerWaits;
import org.phonebank.call.esl.KeyTimes;
import org.phonebank.callpath.CallPath;
import org.phonebank.callpath.CallPaths;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.Journal;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.Reservation;
import org.phonebank.journal.TransactionType;
import org.phonebank.lockout.LockoutState;
import org.phonebank.lockout.PinTry;
import org.phonebank.money.Rials;
import org.phonebank.saf.SafBacklog;
import org.phonebank.switchlink.SwitchEndpoint;

/**
 * The phone bank's figures for operations (docs/operations.md lists each, what it means and what to
 * alert on), in the application registry Payara publishes at {@code /metrics}. The server hands its
 * parts through the {@code metered} decorators and {@link #attach}; the domain never sees a metric.
 * Gauges read the database (store-and-forward, reversals pending) at scrape time, not per call.
 */
@ApplicationScoped
public class PhoneBankMetrics {

  /** Round-trip histogram buckets, in seconds: a switch answers in tens of milliseconds. */
  static final String ROUND_TRIP = "phonebank_switch_round_trip";

  /** The phone bank's own share of answering a caller's keys (KeyTimes), buckets in seconds. */
  static final String KEY_OWN_TIME = "phonebank_key_own_time";

  /**
   * Exact counts of the own share within each limit, as counters: Payara counts a timer's buckets
   * over its 1,028-sample reservoir, not over every observation (docs/operations.md), so only these
   * say over a run how many keys were answered within, say, 5 ms. Limits in milliseconds.
   */
  static final String KEY_OWN_TIME_WITHIN = "phonebank_key_own_time_within";

  static final List<Integer> KEY_OWN_TIME_LIMITS_MS = List.of(1, 2, 5, 10, 20, 50);

  /** A scrape reads both store-and-forward gauges within this: one queue read serves both. */
  private static final Duration BACKLOG_FRESH_FOR = Duration.ofSeconds(1);

  @Inject MetricRegistry registry;

  private static final System.Logger LOG = System.getLogger(PhoneBankMetrics.class.getName());

  private final Containment containment = new Containment();
  private volatile boolean recordingFailed;
  private final AtomicReference<SwitchEndpoint> lastEndpoint = new AtomicReference<>();
  private volatile Parts parts;
  private volatile Reading backlog;

  private record Reading(SafBacklog backlog, long readAtNanos) {}

  private Counter refused;
  private Counter journalFailures;
  private Counter signOns;
  private Counter failovers;

  /**
   * The own-share timer and its within counters, [switch asked ? 0 : 1] and [limit index]: made
   * once in {@link #register}, so a call's keys never look them up in the registry.
   */
  private final org.eclipse.microprofile.metrics.Timer[] ownTime =
      new org.eclipse.microprofile.metrics.Timer[2];

  private final Counter[][] ownWithin = new Counter[2][KEY_OWN_TIME_LIMITS_MS.size()];

  /** What the gauges read, once the phone bank has started. */
  public record Parts(
      ThreadPoolExecutor calls,
      BooleanSupplier switchSignedOn,
      Supplier<SafBacklog> safBacklog,
      Supplier<List<JournalEntry>> unfinished) {

    public Parts {
      Objects.requireNonNull(calls, "Call threads are required.");
      Objects.requireNonNull(switchSignedOn, "Switch link state is required.");
      Objects.requireNonNull(safBacklog, "Store-and-forward backlog is required.");
      Objects.requireNonNull(unfinished, "Unfinished journal entries are required.");
    }
  }

  /**
   * Registers every figure. Runs when the bean is first used, which must be on a container thread:
   * Payara resolves the application's registry from the thread's invocation, and on another thread
   * injects none.
   */
  @PostConstruct
  void register() {
    Objects.requireNonNull(
        registry, "No MetricRegistry: first use on a thread Payara does not own.");
    refused =
        registry.counter(
            meta(
                "phonebank_calls_refused",
                "Calls refused because every call thread was taken (the configured capacity)"));
    journalFailures =
        registry.counter(
            meta(
                "phonebank_journal_failures",
                "Journal writes or reads that failed after the journal's own retries"));
    signOns =
        registry.counter(meta("phonebank_switch_sign_ons", "Sign-ons (0800/0810) to the switch"));
    failovers =
        registry.counter(
            meta(
                "phonebank_switch_failovers",
                "Sign-ons to a different switch endpoint than the one before"));
    // Every labelled series made once here, on one thread: the registry is not safe when calls
    // create the same series at once.
    for (TransactionType type : TransactionType.values()) {
      roundTrip(type.name());
    }
    for (org.phonebank.callpath.CallEnding ending : org.phonebank.callpath.CallEnding.values()) {
      callsEnded(ending.name());
    }
    for (boolean switchAsked : new boolean[] {true, false}) {
      ownTime[switchAsked ? 0 : 1] = keyOwnTime(switchAsked);
      for (int i = 0; i < KEY_OWN_TIME_LIMITS_MS.size(); i++) {
        ownWithin[switchAsked ? 0 : 1][i] =
            registry.counter(
                meta(
                    KEY_OWN_TIME_WITHIN,
                    "Keys answered with the phone bank's own time (as phonebank_key_own_time)"
                        + " within within_ms milliseconds: exact counts, cumulative"),
                switchTag(switchAsked),
                new Tag("within_ms", Integer.toString(KEY_OWN_TIME_LIMITS_MS.get(i))));
      }
    }
    gauge(
        "phonebank_calls_in_progress",
        "Calls being served now",
        MetricUnits.NONE,
        p -> p.calls().getActiveCount());
    registry.gauge(
        meta(
            "phonebank_containment_ratio",
            "Share of calls ended since start without being handed to an officer"),
        containment,
        Containment::ratio);
    gauge(
        "phonebank_switch_link_up",
        "1 while the switch link is signed on, else 0",
        MetricUnits.NONE,
        p -> p.switchSignedOn().getAsBoolean() ? 1 : 0);
    gauge(
        "phonebank_saf_depth",
        "Advices (reversals) released to store-and-forward and not yet acknowledged",
        MetricUnits.NONE,
        p -> backlog(p).waiting());
    gauge(
        "phonebank_saf_oldest_age",
        "Age of the oldest advice waiting in store-and-forward",
        MetricUnits.SECONDS,
        p -> backlog(p).oldest().toMillis() / 1000.0);
    gauge(
        "phonebank_reversals_pending",
        "Journal entries REVERSING: money movements whose reversal the switch has not acknowledged",
        MetricUnits.NONE,
        p -> p.unfinished().get().stream().filter(e -> e.state() == EntryState.REVERSING).count());
  }

  /**
   * Hands over what the gauges read; null before the parts are up (the call still creates this bean
   * on the caller's thread, which must be a container thread: see {@link #register}).
   */
  public void attach(Parts started) {
    this.parts = started;
  }

  public void detach() {
    this.parts = null;
  }

  /** Counts each call refused at capacity, then refuses it as {@code AbortPolicy} does. */
  public RejectedExecutionHandler refusals() {
    return (task, executor) -> {
      refused.inc();
      throw new RejectedExecutionException("All " + executor.getMaximumPoolSize() + " lines busy");
    };
  }

  /** Counts each sign-on, and a failover when the endpoint differs from the last one. */
  public void signedOn(SwitchEndpoint endpoint) {
    signOns.inc();
    SwitchEndpoint before = lastEndpoint.getAndSet(endpoint);
    if (before != null && !before.equals(endpoint)) {
      failovers.inc();
    }
  }

  /** Requests by type and response code, and the round-trip time by type. */
  public BankSwitch metered(BankSwitch link) {
    Objects.requireNonNull(link, "Bank switch is required.");
    return request -> {
      long start = System.nanoTime();
      SwitchOutcome outcome = null;
      try {
        outcome = link.send(request);
        return outcome;
      } finally {
        Duration roundTrip = Duration.ofNanos(System.nanoTime() - start);
        // The switch's share of answering the caller's keys, not the phone bank's (KeyTimes).
        PeerWaits.switchWaited(roundTrip);
        SwitchOutcome answered = outcome;
        // A figure that cannot be recorded must never change what the switch answered.
        quietly(() -> switchRequest(request, answered, roundTrip));
      }
    };
  }

  /**
   * The phone bank's own share of answering each caller's keys, peers' waits left out, by whether
   * the switch was asked: {@code switch="asked"} is the app's share of a switch round trip.
   */
  public KeyTimes keyTimes() {
    return (own, switchAsked) ->
        quietly(
            () -> {
              int kind = switchAsked ? 0 : 1;
              ownTime[kind].update(own);
              long nanos = own.toNanos();
              Counter[] within = ownWithin[kind];
              for (int i = 0; i < within.length; i++) {
                if (nanos <= KEY_OWN_TIME_LIMITS_MS.get(i) * 1_000_000L) {
                  within[i].inc();
                }
              }
            });
  }

  /** Calls ended by ending, and containment. */
  public CallPaths metered(CallPaths paths) {
    Objects.requireNonNull(paths, "Call paths are required.");
    return new CallPaths() {
      @Override
      public void record(CallPath path) {
        quietly(
            () -> {
              containment.ended(path.ending());
              callsEnded(path.ending().name()).inc();
            });
        paths.record(path);
      }

      @Override
      public Optional<CallPath> forCall(String callId) {
        return paths.forCall(callId);
      }

      @Override
      public List<CallPath> endedBetween(java.time.Instant from, java.time.Instant to) {
        return paths.endedBetween(from, to);
      }
    };
  }

  /** Journal failures: every call into {@code journal} that throws. */
  public Journal metered(Journal journal) {
    Objects.requireNonNull(journal, "Journal is required.");
    return new Journal() {
      @Override
      public JournalEntry open(
          String callId, TransactionType type, TransactionIds ids, CardNumber card, Rials amount) {
        return counted(() -> journal.open(callId, type, ids, card, amount));
      }

      @Override
      public JournalEntry close(long entryId, SwitchOutcome outcome) {
        return counted(() -> journal.close(entryId, outcome));
      }

      @Override
      public Optional<JournalEntry> openTakingTry(
          String callId, TransactionType type, TransactionIds ids, CardNumber card, PinTry pinTry) {
        return counted(() -> journal.openTakingTry(callId, type, ids, card, pinTry));
      }

      @Override
      public LockoutState closeSettlingTry(long entryId, SwitchOutcome outcome, PinTry pinTry) {
        return counted(() -> journal.closeSettlingTry(entryId, outcome, pinTry));
      }

      @Override
      public JournalEntry reversing(long entryId) {
        return counted(() -> journal.reversing(entryId));
      }

      @Override
      public JournalEntry reversed(long entryId) {
        return counted(() -> journal.reversed(entryId));
      }

      @Override
      public List<JournalEntry> unfinished() {
        return counted(journal::unfinished);
      }

      @Override
      public Reservation openWithinDailyLimit(
          String callId,
          TransactionType type,
          TransactionIds ids,
          CardNumber card,
          Rials amount,
          Rials dailyLimit) {
        return counted(
            () -> journal.openWithinDailyLimit(callId, type, ids, card, amount, dailyLimit));
      }

      @Override
      public Rials usedToday(CardNumber card, TransactionType type) {
        return counted(() -> journal.usedToday(card, type));
      }

      @Override
      public List<JournalEntry> forCall(String callId) {
        return counted(() -> journal.forCall(callId));
      }

      @Override
      public Optional<JournalEntry> find(long entryId) {
        return counted(() -> journal.find(entryId));
      }
    };
  }

  private <T> T counted(Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      quietly(journalFailures::inc);
      throw e;
    }
  }

  /**
   * Records a figure, swallowing what the metrics library throws (Payara 6.2025.9's registry threw
   * ConcurrentModificationException when calls created one timer at once): a call or a money
   * movement must never fail because of a figure. Logged once.
   */
  private void quietly(Runnable record) {
    try {
      record.run();
    } catch (RuntimeException e) {
      if (!recordingFailed) {
        recordingFailed = true;
        LOG.log(System.Logger.Level.WARNING, "A phone-bank figure could not be recorded", e);
      }
    }
  }

  private Counter callsEnded(String ending) {
    return registry.counter(
        meta("phonebank_calls_ended", "Calls ended, by how they ended"), new Tag("ending", ending));
  }

  private org.eclipse.microprofile.metrics.Timer roundTrip(String type) {
    return registry.timer(
        Metadata.builder()
            .withName(ROUND_TRIP)
            .withDescription("Switch round trip from send to answer (or time-out), by type")
            .withUnit(MetricUnits.SECONDS)
            .build(),
        new Tag("type", type));
  }

  private org.eclipse.microprofile.metrics.Timer keyOwnTime(boolean switchAsked) {
    return registry.timer(
        Metadata.builder()
            .withName(KEY_OWN_TIME)
            .withDescription(
                "The phone bank's own time from a caller's keys to its next prompt, waits for"
                    + " FreeSWITCH and the switch left out; switch=asked when a request was sent")
            .withUnit(MetricUnits.SECONDS)
            .build(),
        switchTag(switchAsked));
  }

  private static Tag switchTag(boolean switchAsked) {
    return new Tag("switch", switchAsked ? "asked" : "not-asked");
  }

  private void switchRequest(SwitchRequest request, SwitchOutcome outcome, Duration roundTrip) {
    String type = request.type().name();
    String code = outcome == null ? SwitchAnswer.OTHER : SwitchAnswer.label(outcome);
    registry
        .counter(
            meta("phonebank_switch_requests", "Requests sent to the switch, by type and answer"),
            new Tag("type", type),
            new Tag("response_code", code))
        .inc();
    if (!SwitchAnswer.UNREACHABLE.equals(code)) {
      // A request never sent has no round trip: it would pull the histogram towards zero.
      roundTrip(type).update(roundTrip);
    }
  }

  private SafBacklog backlog(Parts p) {
    Reading last = backlog;
    long now = System.nanoTime();
    if (last == null || now - last.readAtNanos() > BACKLOG_FRESH_FOR.toNanos()) {
      last = new Reading(p.safBacklog().get(), now);
      backlog = last;
    }
    return last.backlog();
  }

  private void gauge(
      String name, String description, String unit, java.util.function.ToDoubleFunction<Parts> f) {
    registry.gauge(
        Metadata.builder().withName(name).withDescription(description).withUnit(unit).build(),
        this,
        self -> {
          Parts p = self.parts;
          return p == null ? 0 : f.applyAsDouble(p);
        });
  }

  private static Metadata meta(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }
}
