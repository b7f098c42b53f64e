// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.balance;

import java.util.Objects;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.call.Phone;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;

/**
 * Asks the issuer for the balance behind a card, through the journal, and tells the caller the result.
 * Answers about the caller's credentials (wrong PIN, unknown card) are returned unspoken, because what the
 * caller hears then depends on how many tries are left, which is the flow's business.
 */
public final class BalanceTeller {

  private final JournalledSwitch bank;

  public BalanceTeller(JournalledSwitch bank) {
    this.bank = Objects.requireNonNull(bank, "Journalled switch is required.");
  }

  /** One inquiry; the PIN stays the caller's to close. */
  public BalanceReply tell(Phone phone, Language language, CardNumber card, TelephonePin pin) {
    SwitchOutcome outcome = bank.balanceInquiry(phone.callId(), card, pin);
    if (outcome instanceof SwitchOutcome.Approved approved && approved.balance() != null) {
      phone.play(BalanceAnnouncement.of(approved.balance(), language));
      return BalanceReply.SPOKEN;
    }
    if (outcome instanceof SwitchOutcome.Declined declined) {
      switch (declined.reason()) {
        case INCORRECT_PIN:
          return BalanceReply.WRONG_PIN;
        case PIN_TRIES_EXCEEDED:
          return BalanceReply.PIN_TRIES_EXCEEDED;
        case INVALID_CARD:
          return BalanceReply.CARD_NOT_RECOGNISED;
        case ISSUER_UNAVAILABLE:
          break;
        default:
          phone.play(Phrase.REQUEST_DECLINED.in(language));
          return BalanceReply.DECLINED;
      }
    }
    // Unreachable, timed out, issuer down, or approved without a balance: nothing to tell but "later".
    phone.play(Phrase.SERVICE_UNAVAILABLE.in(language));
    return BalanceReply.UNAVAILABLE;
  }
}
