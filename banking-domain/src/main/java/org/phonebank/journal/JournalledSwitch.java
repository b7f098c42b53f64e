// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.phonebank.banking.BalanceInquiry;
import org.phonebank.banking.BankSwitch;
import org.phonebank.banking.ReversalAcknowledgement;
import org.phonebank.banking.ReversalStage;
import org.phonebank.banking.Reversals;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.SwitchRequest;
import org.phonebank.banking.TransactionIdSource;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.card.SealedPin;
import org.phonebank.lockout.PinTry;
import org.phonebank.money.Rials;

/**
 * The only way flows reach the switch. Each request gets fresh ids and is journalled as PENDING
 * before it is sent; a money movement also has its reversal armed on disk first. A definite answer
 * closes the entry and disarms the reversal; silence (or an adapter that throws) fires the reversal
 * and leaves the entry REVERSING until the switch acknowledges it. So money is never left in an
 * unknown state and never moved twice: the reversal undoes a posting that may have happened, and
 * the switch ignores one that did not.
 */
public final class JournalledSwitch implements ReversalAcknowledgement {

  private static final System.Logger LOG = System.getLogger(JournalledSwitch.class.getName());

  private final BankSwitch bankSwitch;
  private final Journal journal;
  private final TransactionIdSource ids;
  private final Reversals reversals;

  public JournalledSwitch(
      BankSwitch bankSwitch, Journal journal, TransactionIdSource ids, Reversals reversals) {
    this.bankSwitch = Objects.requireNonNull(bankSwitch, "Bank switch is required.");
    this.journal = Objects.requireNonNull(journal, "Journal is required.");
    this.ids = Objects.requireNonNull(ids, "Transaction id source is required.");
    this.reversals = Objects.requireNonNull(reversals, "Reversals are required.");
  }

  public SwitchOutcome balanceInquiry(String callId, CardNumber card, SealedPin pin) {
    return send(callId, next -> new BalanceInquiry(next, card, pin));
  }

  /**
   * A PIN guess: the balance inquiry every card may make, sent only if the card's try can be taken.
   * The try is taken in the transaction that journals the request PENDING ({@link
   * Journal#openTakingTry}) and settled in the one that records the answer ({@link
   * Journal#closeSettlingTry}), so the PIN step commits twice. When the try is refused nothing is
   * journalled and no guess reaches the switch. When the answer cannot be recorded the entry stays
   * PENDING and the try held, counted as taken, for the sweeper ({@link #sweep}).
   *
   * @param pinTry the card's try, from the lockout store of the journal's database
   * @throws RuntimeException when the journal cannot open the entry: no try taken, nothing sent
   */
  public PinGuess balanceInquiry(String callId, CardNumber card, SealedPin pin, PinTry pinTry) {
    Objects.requireNonNull(pinTry, "PIN try is required.");
    if (!pinTry.card().equals(card)) {
      throw new IllegalArgumentException("A PIN try is taken on the card of its guess.");
    }
    SwitchRequest request = new BalanceInquiry(ids.next(), card, pin);
    Optional<JournalEntry> opened =
        journal.openTakingTry(callId, request.type(), request.ids(), card, pinTry);
    if (opened.isEmpty()) {
      LOG.log(Level.INFO, "Call " + callId + ": no PIN try left, guess not sent");
      return new PinGuess.NoTryLeft();
    }
    long entryId = opened.get().id();
    SwitchOutcome outcome = sendOrTimedOut(request);
    try {
      return new PinGuess.Answered(outcome, journal.closeSettlingTry(entryId, outcome, pinTry));
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "Could not record the answer to PIN guess entry " + entryId, e);
      return new PinGuess.Unrecorded(outcome);
    }
  }

  /**
   * Journals, sends and closes the request {@code build} makes from fresh transaction ids.
   *
   * <p>Each bookkeeping step is its own commit, and any of them may fail (a database error, a
   * crash). The order makes every state between them one that {@link #sweep} settles: the entry is
   * opened before the reversal is armed, and both before the request is sent; an answer is recorded
   * before the reversal is disarmed, and the entry is marked REVERSING before the reversal is
   * fired. When recording a money movement's answer fails, the caller hears {@link
   * SwitchOutcome.TimedOut} (the outcome is not on record) and the movement is reversed, now or by
   * the sweeper, so the journal and the switch end equal.
   *
   * <p>Only requests that move no money (inquiries, statements, card block, PIN change): a money
   * movement goes through {@link #sendWithinDailyLimit}, so no caller can send one past the
   * channel's limit by forgetting it.
   *
   * @throws IllegalArgumentException when the request moves money: nothing was journalled or sent
   * @throws RuntimeException when the journal cannot open the entry: nothing was sent
   */
  public SwitchOutcome send(String callId, Function<TransactionIds, SwitchRequest> build) {
    SwitchRequest request = build.apply(ids.next());
    if (request.movesMoney()) {
      throw new IllegalArgumentException(
          "A " + request.type() + " moves money: it is sent under its daily limit only.");
    }
    JournalEntry entry =
        journal.open(callId, request.type(), request.ids(), request.card(), request.amount());
    return sendJournalled(request, entry);
  }

  /**
   * Sends a money movement only if its amount fits the card's {@code dailyLimit} for its type: the
   * journal checks the day and reserves the amount in one atomic step as it journals the request
   * PENDING ({@link Journal#openWithinDailyLimit}), just before it goes out. A refused movement is
   * not journalled and never reaches the switch.
   *
   * @param dailyLimit the channel's limit per card and business day for the request's type
   * @throws IllegalArgumentException when the request does not move money
   */
  public LimitedSend sendWithinDailyLimit(
      String callId, Rials dailyLimit, Function<TransactionIds, SwitchRequest> build) {
    SwitchRequest request = build.apply(ids.next());
    if (!request.movesMoney()) {
      throw new IllegalArgumentException(
          "Only a money movement is sent under a daily limit, not a " + request.type() + ".");
    }
    Reservation reservation =
        journal.openWithinDailyLimit(
            callId, request.type(), request.ids(), request.card(), request.amount(), dailyLimit);
    if (reservation instanceof OverDailyLimit over) {
      LOG.log(
          System.Logger.Level.INFO,
          "Call " + callId + ": " + request.type() + " over the daily limit, not sent");
      return over;
    }
    return new LimitedSend.Sent(
        sendJournalled(request, ((Reservation.Reserved) reservation).entry()));
  }

  private SwitchOutcome sendJournalled(SwitchRequest request, JournalEntry entry) {
    boolean money = request.movesMoney();
    if (money) {
      try {
        reversals.arm(entry.id(), request);
      } catch (RuntimeException e) {
        // Not sent, so nothing to undo: the sweeper closes the entry if this close fails too.
        LOG.log(Level.ERROR, "Could not arm the reversal of entry " + entry.id(), e);
        return closeQuietly(entry, new SwitchOutcome.Unreachable("reversal could not be armed"));
      }
    }
    SwitchOutcome outcome = sendOrTimedOut(request);
    if (money && outcome instanceof SwitchOutcome.TimedOut) {
      reverse(entry.id());
      return outcome;
    }
    try {
      journal.close(entry.id(), outcome);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "Could not record the answer to entry " + entry.id(), e);
      if (money) {
        reverse(entry.id());
        return new SwitchOutcome.TimedOut();
      }
      return outcome;
    }
    if (money) {
      try {
        reversals.disarm(entry.id());
      } catch (RuntimeException e) {
        // The answer is on record; the sweeper discards the reversal still armed.
        LOG.log(Level.ERROR, "Could not disarm the reversal of entry " + entry.id(), e);
      }
    }
    return outcome;
  }

  /**
   * The switch's answer; an adapter that throws counts as no answer (timed out): the request may
   * have gone out, so its entry is settled as one that got no answer.
   */
  private SwitchOutcome sendOrTimedOut(SwitchRequest request) {
    try {
      return bankSwitch.send(request);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "Switch adapter failed on STAN " + request.ids().stan(), e);
      return new SwitchOutcome.TimedOut();
    }
  }

  /** Marks the entry REVERSING and fires its reversal; what fails here, the sweeper finishes. */
  private void reverse(long entryId) {
    try {
      journal.reversing(entryId);
      reversals.fire(entryId);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "Could not fire the reversal of entry " + entryId + " now", e);
    }
  }

  private SwitchOutcome closeQuietly(JournalEntry entry, SwitchOutcome outcome) {
    try {
      journal.close(entry.id(), outcome);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "Could not close entry " + entry.id(), e);
    }
    return outcome;
  }

  @Override
  public void acknowledged(long journalEntryId) {
    journal.reversed(journalEntryId);
  }

  /** The call's requests as journalled, oldest first: what an officer taking the call sees. */
  public List<JournalEntry> requestsOf(String callId) {
    return journal.forCall(callId);
  }

  /**
   * What counts against {@code card}'s daily limit for {@code type} today ({@link
   * Journal#usedToday}): for the courtesy check when an amount is keyed; the reservation at send is
   * the authority.
   */
  public Rials usedToday(CardNumber card, TransactionType type) {
    return journal.usedToday(card, type);
  }

  /**
   * Settles whatever a crash left open, at start, when nothing of this node is in flight: {@link
   * #sweep} with every entry counted as abandoned.
   */
  public int recover() {
    return sweep(Instant.MAX);
  }

  /**
   * Brings every unfinished entry of this node, and every reversal left armed behind a final entry,
   * one step nearer to final; safe to run at any time, repeatedly, beside live calls
   * (docs/money-movement.md has the table). An entry still PENDING whose last change is not before
   * {@code abandonedBefore} may be a request in flight and is left alone; pass a time older than
   * the switch's response time-out allows.
   *
   * <ul>
   *   <li>PENDING inquiry: closed TIMED_OUT. PENDING money movement with no reversal: it was never
   *       sent (arming comes first), closed UNREACHABLE. With its reversal ARMED: it may have
   *       reached the switch, so REVERSING and fired.
   *   <li>PENDING or REVERSING with the reversal RELEASED or DEAD_LETTER: REVERSING (and waits);
   *       REVERSING with it still ARMED: fired (the fire was lost). With it ACKNOWLEDGED or CLOSED:
   *       REVERSED (the journal's update was lost).
   *   <li>A reversal ARMED behind a final entry (the disarm was lost): disarmed.
   * </ul>
   *
   * One entry's failure is logged and does not stop the others; the next sweep tries again.
   *
   * @return how many entries or reversals it changed
   */
  public int sweep(Instant abandonedBefore) {
    Objects.requireNonNull(abandonedBefore, "Abandonment time is required.");
    // Armed first: an entry armed after this read is not in it, so it cannot be taken for a
    // stale arming of a final entry.
    Set<Long> armed = reversals.armed();
    List<JournalEntry> unfinished = journal.unfinished();
    Set<Long> unfinishedIds = new HashSet<>();
    List<Long> moneyIds = new ArrayList<>();
    for (JournalEntry entry : unfinished) {
      unfinishedIds.add(entry.id());
      if (entry.type().movesMoney()) {
        moneyIds.add(entry.id());
      }
    }
    Map<Long, ReversalStage> stages = moneyIds.isEmpty() ? Map.of() : reversals.stages(moneyIds);
    int changed = 0;
    for (JournalEntry entry : unfinished) {
      try {
        if (settle(entry, stages.get(entry.id()), entry.updatedAt().isBefore(abandonedBefore))) {
          changed++;
          LOG.log(
              Level.WARNING,
              "Swept journal entry "
                  + entry.id()
                  + " ("
                  + entry.type()
                  + ", "
                  + entry.state()
                  + ")");
        }
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "Could not sweep journal entry " + entry.id() + "; next sweep", e);
      }
    }
    for (Long id : armed) {
      if (unfinishedIds.contains(id)) {
        continue;
      }
      try {
        // Armed reversals are shared by every node; only this node's final entries are found.
        if (journal.find(id).filter(e -> e.state().isFinal()).isPresent()) {
          reversals.disarm(id);
          changed++;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "Could not disarm the reversal of entry " + id + "; next sweep", e);
      }
    }
    try {
      journal.swept();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "Could not move the journal's mark; next sweep", e);
    }
    return changed;
  }

  private boolean settle(JournalEntry entry, ReversalStage stage, boolean abandoned) {
    long id = entry.id();
    if (!entry.type().movesMoney()) {
      // A PIN guess's entry (Journal#openTakingTry) holds its card's try; closing it TIMED_OUT
      // here settles nothing in the lockouts, so the try stays held, counted as taken, until a
      // right PIN clears the card's count or an officer unlocks it. The same as when the try was
      // its own commit before the entry's: a crash or a lost answer never gives a guess back.
      if (abandoned) {
        journal.close(id, new SwitchOutcome.TimedOut());
        return true;
      }
      return false;
    }
    if (stage != null && stage.isSettled()) {
      journal.reversed(id);
      return true;
    }
    if (entry.state() == EntryState.PENDING) {
      if (stage == null) {
        if (abandoned) {
          journal.close(id, new SwitchOutcome.Unreachable("not sent before a failure"));
          return true;
        }
        return false;
      }
      if (stage == ReversalStage.ARMED && !abandoned) {
        return false;
      }
      journal.reversing(id);
      if (stage == ReversalStage.ARMED) {
        reversals.fire(id);
      }
      return true;
    }
    if (stage == ReversalStage.ARMED) {
      reversals.fire(id);
      return true;
    }
    if (stage == null) {
      LOG.log(
          Level.ERROR,
          "Entry " + id + " is REVERSING with no stored reversal: an operator must settle it");
    }
    return false;
  }

  /** The journal state that records {@code outcome}. */
  public static EntryState stateOf(SwitchOutcome outcome) {
    if (outcome instanceof SwitchOutcome.Approved) {
      return EntryState.APPROVED;
    } else if (outcome instanceof SwitchOutcome.Declined) {
      return EntryState.DECLINED;
    } else if (outcome instanceof SwitchOutcome.Unreachable) {
      return EntryState.UNREACHABLE;
    }
    return EntryState.TIMED_OUT;
  }
}
