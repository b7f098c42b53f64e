// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.ReversalStage;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.saf.AdviceQueue;
import org.phonebank.saf.DeadLetter;
import org.phonebank.saf.QueuedAdvice;

/**
 * The rules of the {@link AdviceQueue} port that every implementation keeps, the in-memory fake
 * included.
 */
abstract class AdviceQueueContract {

  static final Instant ARMED_AT = Instant.parse("2026-03-21T05:30:00Z");

  protected AdviceQueue queue;

  abstract AdviceQueue newQueue();

  /** The id of a new journal entry an advice may belong to. */
  abstract long newJournalEntry();

  @BeforeEach
  void startWithAnEmptyQueue() {
    queue = newQueue();
  }

  static QueuedAdvice reversal(long entryId) {
    int stan = (int) entryId;
    return new QueuedAdvice(
        entryId,
        "0420",
        new Stan(stan),
        new Rrn(String.format("608009%06d", stan)),
        ("sealed-" + entryId).getBytes(StandardCharsets.US_ASCII),
        0,
        ARMED_AT);
  }

  static List<Long> ids(List<QueuedAdvice> advices) {
    return advices.stream().map(QueuedAdvice::journalEntryId).toList();
  }

  @Test
  void anArmedAdviceWaitsUnsent() {
    long entry = newJournalEntry();

    queue.arm(reversal(entry));

    assertEquals(Set.of(entry), queue.armed());
    assertEquals(List.of(), queue.released(10));
  }

  @Test
  void armingTheSameEntryAgainKeepsTheFirstAdvice() {
    long entry = newJournalEntry();
    queue.arm(reversal(entry));
    QueuedAdvice other =
        new QueuedAdvice(
            entry,
            "0400",
            new Stan(9),
            new Rrn("608009000009"),
            new byte[] {1, 2, 3},
            0,
            ARMED_AT.plusSeconds(60));

    queue.arm(other);
    queue.release(entry);

    QueuedAdvice kept = queue.released(10).get(0);
    assertEquals("0420", kept.mti());
    assertArrayEquals(reversal(entry).sealedMessage(), kept.sealedMessage());
    assertEquals(ARMED_AT, kept.armedAt());
  }

  @Test
  void aReleasedAdviceKeepsEveryFieldAndItsSealedBytes() {
    long entry = newJournalEntry();
    QueuedAdvice armed = reversal(entry);
    queue.arm(armed);

    queue.release(entry);

    QueuedAdvice released = queue.released(10).get(0);
    assertEquals(armed.toString(), released.toString());
    assertArrayEquals(armed.sealedMessage(), released.sealedMessage());
    assertEquals(ARMED_AT, released.armedAt());
    assertNotNull(released.releasedAt());
    assertEquals(Set.of(), queue.armed());
  }

  @Test
  void advicesLeaveInTheOrderTheyWereReleasedNotArmed() {
    long first = newJournalEntry();
    long second = newJournalEntry();
    long third = newJournalEntry();
    queue.arm(reversal(first));
    queue.arm(reversal(second));
    queue.arm(reversal(third));

    queue.release(third);
    queue.release(first);
    queue.release(second);

    assertEquals(List.of(third, first, second), ids(queue.released(10)));
    assertEquals(List.of(third, first), ids(queue.released(2)));
    assertEquals(List.of(), queue.released(0));
  }

  @Test
  void releasingAgainKeepsTheAdvicesPlaceInTheQueue() {
    long first = newJournalEntry();
    long second = newJournalEntry();
    queue.arm(reversal(first));
    queue.arm(reversal(second));
    queue.release(first);
    queue.release(second);

    queue.release(first);

    assertEquals(List.of(first, second), ids(queue.released(10)));
  }

  @Test
  void releasingOrDiscardingAnUnknownEntryChangesNothing() {
    long armed = newJournalEntry();
    queue.arm(reversal(armed));

    queue.release(newJournalEntry());
    queue.discard(newJournalEntry());

    assertEquals(Set.of(armed), queue.armed());
    assertEquals(List.of(), queue.released(10));
  }

  @Test
  void aDiscardedAdviceIsNeverSent() {
    long entry = newJournalEntry();
    queue.arm(reversal(entry));

    queue.discard(entry);
    queue.release(entry);

    assertEquals(Set.of(), queue.armed());
    assertEquals(List.of(), queue.released(10));
  }

  @Test
  void aReleasedAdviceCannotBeDiscarded() {
    long entry = newJournalEntry();
    queue.arm(reversal(entry));
    queue.release(entry);

    queue.discard(entry);

    assertEquals(List.of(entry), ids(queue.released(10)));
  }

  @Test
  void everySendingAttemptIsCounted() {
    long entry = newJournalEntry();
    queue.arm(reversal(entry));
    queue.release(entry);

    queue.attempted(entry, ARMED_AT.plusSeconds(1));
    queue.attempted(entry, ARMED_AT.plusSeconds(31));

    assertEquals(2, queue.released(10).get(0).attempts());
  }

  @Test
  void anAcknowledgedAdviceLeavesTheQueueForGood() {
    long entry = newJournalEntry();
    long waiting = newJournalEntry();
    queue.arm(reversal(entry));
    queue.arm(reversal(waiting));
    queue.release(entry);
    queue.release(waiting);

    queue.acknowledged(entry, "00", ARMED_AT.plusSeconds(2));
    queue.arm(reversal(entry));
    queue.release(entry);

    assertEquals(List.of(waiting), ids(queue.released(10)));
    assertTrue(queue.armed().isEmpty());
  }

  @Test
  void anAdviceAnsweredWhileStillArmedIsNotSent() {
    long entry = newJournalEntry();
    queue.arm(reversal(entry));

    queue.acknowledged(entry, "00", ARMED_AT.plusSeconds(2));
    queue.release(entry);

    assertEquals(Set.of(), queue.armed());
    assertEquals(List.of(), queue.released(10));
  }

  @Test
  void aDeadLetterStopsHoldingUpTheAdvicesBehindIt() {
    long stuck = newJournalEntry();
    long next = newJournalEntry();
    queue.arm(reversal(stuck));
    queue.arm(reversal(next));
    queue.release(stuck);
    queue.release(next);
    queue.attempted(stuck, ARMED_AT.plusSeconds(1));

    queue.deadLetter(stuck, "sealed message cannot be opened", ARMED_AT.plusSeconds(2));

    assertEquals(List.of(next), ids(queue.released(10)));
    List<DeadLetter> dead = queue.deadLetters(10);
    assertEquals(1, dead.size());
    assertEquals(stuck, dead.get(0).journalEntryId());
    assertEquals(1, dead.get(0).attempts());
    assertEquals("sealed message cannot be opened", dead.get(0).reason());
    assertEquals(
        Map.of(stuck, ReversalStage.DEAD_LETTER, next, ReversalStage.RELEASED),
        queue.stages(List.of(stuck, next)));
  }

  @Test
  void aRetriedDeadLetterGoesToTheEndOfTheQueueCountedAfresh() {
    long stuck = newJournalEntry();
    long next = newJournalEntry();
    queue.arm(reversal(stuck));
    queue.arm(reversal(next));
    queue.release(stuck);
    queue.release(next);
    for (int i = 0; i < 5; i++) {
      queue.attempted(stuck, ARMED_AT.plusSeconds(i));
    }
    queue.deadLetter(stuck, "answered 91 five times", ARMED_AT.plusSeconds(9));

    assertTrue(queue.retry(stuck, ARMED_AT.plusSeconds(60)));

    assertEquals(List.of(next, stuck), ids(queue.released(10)));
    QueuedAdvice retried = queue.released(10).get(1);
    assertEquals(1, retried.attempts(), "counted afresh, but still a repeat when sent again");
    assertEquals(ARMED_AT.plusSeconds(60), retried.releasedAt());
    assertEquals(List.of(), queue.deadLetters(10));
    assertFalse(queue.retry(stuck, ARMED_AT.plusSeconds(61)), "no longer a dead letter");
  }

  @Test
  void aClosedDeadLetterIsSettledAndNeverSent() {
    long stuck = newJournalEntry();
    queue.arm(reversal(stuck));
    queue.release(stuck);
    queue.deadLetter(stuck, "answered 96 for a day", ARMED_AT.plusSeconds(9));

    assertTrue(queue.close(stuck, "reversed by the switch desk, ticket 4711", ARMED_AT));

    assertEquals(List.of(), queue.released(10));
    assertEquals(List.of(), queue.deadLetters(10));
    assertEquals(Map.of(stuck, ReversalStage.CLOSED), queue.stages(List.of(stuck)));
    assertTrue(queue.stages(List.of(stuck)).get(stuck).isSettled());
    assertFalse(queue.close(stuck, "again", ARMED_AT), "closed once");
  }

  @Test
  void onlyAReleasedAdviceBecomesADeadLetter() {
    long armed = newJournalEntry();
    queue.arm(reversal(armed));

    queue.deadLetter(armed, "not sent yet", ARMED_AT);

    assertEquals(Map.of(armed, ReversalStage.ARMED), queue.stages(List.of(armed, 987_654L)));
    assertEquals(List.of(), queue.deadLetters(10));
  }
}
