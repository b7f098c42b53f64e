// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

import java.util.Objects;
import org.phonebank.banking.BalanceInquiry;
import org.phonebank.banking.BankSwitch;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIdSource;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;

/**
 * The only way flows reach the switch: each request gets fresh ids, is journalled as PENDING before it is
 * sent, and is closed with its outcome afterwards. A switch adapter that throws instead of returning an
 * outcome is treated as "outcome unknown", never as a decline, so the entry is never left PENDING.
 */
public final class JournalledSwitch {

  private static final System.Logger LOG = System.getLogger(JournalledSwitch.class.getName());

  private final BankSwitch bankSwitch;
  private final Journal journal;
  private final TransactionIdSource ids;

  public JournalledSwitch(BankSwitch bankSwitch, Journal journal, TransactionIdSource ids) {
    this.bankSwitch = Objects.requireNonNull(bankSwitch, "Bank switch is required.");
    this.journal = Objects.requireNonNull(journal, "Journal is required.");
    this.ids = Objects.requireNonNull(ids, "Transaction id source is required.");
  }

  public SwitchOutcome balanceInquiry(String callId, CardNumber card, TelephonePin pin) {
    TransactionIds next = ids.next();
    JournalEntry entry = journal.open(callId, TransactionType.BALANCE_INQUIRY, next, card, null);
    SwitchOutcome outcome;
    try {
      outcome = bankSwitch.balanceInquiry(new BalanceInquiry(next, card, pin));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "Switch adapter failed on STAN " + next.stan(), e);
      outcome = new SwitchOutcome.TimedOut();
    }
    journal.close(entry.id(), outcome);
    return outcome;
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
