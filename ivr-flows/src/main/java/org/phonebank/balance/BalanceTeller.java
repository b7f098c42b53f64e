// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.balance;

import java.util.Objects;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.call.BankingService;
import org.phonebank.call.Next;
import org.phonebank.call.OutcomeSpeech;
import org.phonebank.call.Session;
import org.phonebank.journal.JournalledSwitch;

/**
 * Main menu 1: asks the issuer for the available balance, through the journal, and says it in
 * rials.
 */
public final class BalanceTeller implements BankingService {

  private final JournalledSwitch bank;

  public BalanceTeller(JournalledSwitch bank) {
    this.bank = Objects.requireNonNull(bank, "Journalled switch is required.");
  }

  @Override
  public Next serve(Session session) {
    session.path().visit("balance");
    SwitchOutcome outcome = bank.balanceInquiry(session.callId(), session.card(), session.pin());
    if (outcome instanceof SwitchOutcome.Approved approved && approved.balance() != null) {
      session.say(BalanceAnnouncement.of(approved.balance(), session.language()));
      session.path().served("balance spoken");
      return Next.MAIN_MENU;
    }
    session.path().visit("balance:" + OutcomeSpeech.sayRefusal(session, outcome, false));
    return Next.MAIN_MENU;
  }
}
