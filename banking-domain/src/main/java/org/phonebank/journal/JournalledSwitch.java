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

  /**
   * The sum of approved {@code type} movements on {@code card} today, for the channel's daily
   * limit.
   */
  /** The call's requests as journalled, oldest first: what an officer taking the call sees. */
  public List<JournalEntry> requestsOf(String callId) {
    return journal.forCall(callId);
  }

  public Rials approvedToday(CardNumber card, TransactionType type) {
    return journal.approvedToday(card, type);
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
