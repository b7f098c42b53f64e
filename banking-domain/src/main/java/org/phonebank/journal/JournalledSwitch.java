// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.phonebank.banking.BalanceInquiry;
import org.phonebank.banking.BankSwitch;
import org.phonebank.banking.ReversalAcknowledgement;
import org.phonebank.banking.Reversals;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.SwitchRequest;
import org.phonebank.banking.TransactionIdSource;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
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

  public SwitchOutcome balanceInquiry(String callId, CardNumber card, TelephonePin pin) {
    return send(callId, next -> new BalanceInquiry(next, card, pin));
  }

  /** Journals, sends and closes the request {@code build} makes from fresh transaction ids. */
  public SwitchOutcome send(String callId, Function<TransactionIds, SwitchRequest> build) {
    SwitchRequest request = build.apply(ids.next());
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
      reversals.arm(entry.id(), request);
    }
    SwitchOutcome outcome;
    try {
      outcome = bankSwitch.send(request);
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.ERROR, "Switch adapter failed on STAN " + request.ids().stan(), e);
      outcome = new SwitchOutcome.TimedOut();
    }
    if (money && outcome instanceof SwitchOutcome.TimedOut) {
      journal.reversing(entry.id());
      reversals.fire(entry.id());
    } else {
      journal.close(entry.id(), outcome);
      if (money) {
        reversals.disarm(entry.id());
      }
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
   * Settles what a crash left open. A money movement whose reversal is armed may have reached the
   * switch, so the reversal is fired; one with nothing armed never left (arming comes before
   * sending), so it is closed as never sent. An inquiry left pending is closed as timed out.
   * REVERSING entries wait for their 0430.
   */
  public void recover() {
    Set<Long> armed = reversals.armed();
    for (JournalEntry entry : journal.unfinished()) {
      if (entry.state() != EntryState.PENDING) {
        continue;
      }
      if (!entry.type().movesMoney()) {
        journal.close(entry.id(), new SwitchOutcome.TimedOut());
      } else if (armed.contains(entry.id())) {
        journal.reversing(entry.id());
        reversals.fire(entry.id());
      } else {
        journal.close(entry.id(), new SwitchOutcome.Unreachable("not sent before a restart"));
      }
      LOG.log(
          System.Logger.Level.WARNING,
          "Recovered journal entry " + entry.id() + " (" + entry.type() + ")");
    }
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
