// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The queues' and officers' figures, computed from the rows the store writes as calls flow (every
 * entry with its join, answer and end times; every offer with its result). Plain arithmetic, so a
 * console and a test get the same numbers: averages are of whole milliseconds, zero when there is
 * nothing to average.
 */
public final class Figures {

  private Figures() {}

  /** Per queue, in queue-name order. */
  public static List<QueueFigures> byQueue(List<EntryFacts> entries, Duration serviceLevel) {
    Map<String, List<EntryFacts>> queues = new TreeMap<>();
    entries.forEach(e -> queues.computeIfAbsent(e.queue(), q -> new ArrayList<>()).add(e));
    List<QueueFigures> figures = new ArrayList<>();
    queues.forEach(
        (queue, facts) -> {
          List<Duration> abandonAfter = new ArrayList<>();
          List<Duration> speed = new ArrayList<>();
          List<Duration> handling = new ArrayList<>();
          int withinLevel = 0;
          int callbacks = 0;
          int callbacksDone = 0;
          int bySystem = 0;
          for (EntryFacts e : facts) {
            if (e.end().equals(Optional.of(EntryEnd.ABANDONED)) && e.endedAt().isPresent()) {
              abandonAfter.add(Duration.between(e.enqueuedAt(), e.endedAt().get()));
            }
            if (e.answeredAt().isPresent()) {
              Duration toAnswer = Duration.between(e.enqueuedAt(), e.answeredAt().get());
              speed.add(toAnswer);
              if (toAnswer.compareTo(serviceLevel) <= 0) {
                withinLevel++;
              }
              e.endedAt()
                  .ifPresent(end -> handling.add(Duration.between(e.answeredAt().get(), end)));
            }
            if (e.callbackRequested()) {
              callbacks++;
            }
            if (e.end().equals(Optional.of(EntryEnd.CALLBACK_COMPLETED))) {
              callbacksDone++;
            }
            if (e.end().equals(Optional.of(EntryEnd.SYSTEM))) {
              bySystem++;
            }
          }
          figures.add(
              new QueueFigures(
                  queue,
                  facts.size(),
                  speed.size(),
                  abandonAfter.size(),
                  average(abandonAfter),
                  withinLevel,
                  average(speed),
                  average(handling),
                  callbacks,
                  callbacksDone,
                  bySystem));
        });
    return figures;
  }

  /** Per officer who was offered a call, in id order. */
  public static List<OfficerFigures> byOfficer(
      List<OfferFacts> offers, List<EntryFacts> entries, Duration serviceLevel) {
    Map<String, int[]> counts = new TreeMap<>();
    for (OfferFacts offer : offers) {
      int[] c = counts.computeIfAbsent(offer.officerId(), id -> new int[5]);
      c[0]++;
      offer
          .result()
          .ifPresent(
              result -> {
                switch (result) {
                  case ANSWERED -> c[1]++;
                  case REFUSED -> c[2]++;
                  case NO_ANSWER, FAILED -> c[3]++;
                  case CALLER_LEFT -> c[4]++;
                  default -> {}
                }
              });
    }
    List<OfficerFigures> figures = new ArrayList<>();
    counts.forEach(
        (officer, c) -> {
          List<Duration> speed = new ArrayList<>();
          List<Duration> handling = new ArrayList<>();
          int withinLevel = 0;
          int callbacksDone = 0;
          for (EntryFacts e : entries) {
            if (!e.answeredBy().equals(Optional.of(officer)) || e.answeredAt().isEmpty()) {
              continue;
            }
            Duration toAnswer = Duration.between(e.enqueuedAt(), e.answeredAt().get());
            speed.add(toAnswer);
            if (toAnswer.compareTo(serviceLevel) <= 0) {
              withinLevel++;
            }
            e.endedAt().ifPresent(end -> handling.add(Duration.between(e.answeredAt().get(), end)));
            if (e.end().equals(Optional.of(EntryEnd.CALLBACK_COMPLETED))) {
              callbacksDone++;
            }
          }
          figures.add(
              new OfficerFigures(
                  officer,
                  c[0],
                  c[1],
                  c[2],
                  c[3],
                  c[4],
                  withinLevel,
                  average(speed),
                  average(handling),
                  callbacksDone));
        });
    return figures;
  }

  private static Duration average(List<Duration> durations) {
    if (durations.isEmpty()) {
      return Duration.ZERO;
    }
    long total = 0;
    for (Duration d : durations) {
      total += d.toMillis();
    }
    return Duration.ofMillis(total / durations.size());
  }

  /** The period {@code [from, to)} a console asks for. */
  public record Period(Instant from, Instant to) {
    public Period {
      if (!from.isBefore(to)) {
        throw new IllegalArgumentException("A period ends after it starts.");
      }
    }
  }
}
