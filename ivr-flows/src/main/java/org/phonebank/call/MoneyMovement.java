// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.SwitchRequest;
import org.phonebank.banking.TransactionIds;
import org.phonebank.callpath.CallEnding;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.journal.LimitedSend;
import org.phonebank.journal.OverDailyLimit;
import org.phonebank.prompt.Phrase;
import org.phonebank.prompt.Prompt;

/**
 * The end every money movement shares: read it back, and only on a "1" send it once through the
 * journal within the card's daily limit, then announce the result with its reference number. A
 * cancel, silence or a hang-up before the "1" sends nothing. A movement that did not go through
 * (declined, unreachable, timed out and reversed) leads to the offer of an officer.
 */
public final class MoneyMovement {

  private final JournalledSwitch bank;
  private final Questions questions;

  public MoneyMovement(JournalledSwitch bank, Questions questions) {
    this.bank = Objects.requireNonNull(bank, "Journalled switch is required.");
    this.questions = Objects.requireNonNull(questions, "Questions are required.");
  }

  /**
   * @param service the path name of the service, e.g. {@code transfer} or {@code bill-payment}
   * @param done what an approved movement is announced with, before its reference number
   * @param servedReason the call path's reason when it is approved
   * @param limit the card's daily limit for this kind of movement: its amount is reserved in the
   *     journal, atomically, just before it is sent; when the day has no room left for it, the
   *     caller hears how much is left and nothing reaches the switch
   */
  public Next confirmAndSend(
      Session session,
      String service,
      Prompt readBack,
      Phrase done,
      String servedReason,
      DailyLimit limit,
      Function<TransactionIds, SwitchRequest> request) {
    Confirmation answer = questions.confirm(session, readBack);
    if (answer == Confirmation.CANCELLED) {
      session.say(Phrase.REQUEST_CANCELLED);
      session.path().visit(service + ":cancelled");
      return Next.MAIN_MENU;
    }
    if (answer == Confirmation.UNANSWERED) {
      session.path().ended(CallEnding.GAVE_UP, service.replace('-', ' ') + " not confirmed");
      return Next.OFFER_OFFICER;
    }
    session.path().visit(service + ":confirmed");
    AtomicReference<TransactionIds> sent = new AtomicReference<>();
    LimitedSend result =
        bank.sendWithinDailyLimit(
            session.callId(),
            limit.rials(),
            ids -> {
              sent.set(ids);
              return request.apply(ids);
            });
    if (result instanceof OverDailyLimit over) {
      // Another call on the card took the room after the amount was keyed.
      session.say(limit.refusal(over.left(), session.language()));
      session.path().visit(service + ":over-daily-limit");
      return Next.OFFICER_OR_MENU;
    }
    SwitchOutcome outcome = ((LimitedSend.Sent) result).outcome();
    if (outcome instanceof SwitchOutcome.Approved) {
      session.say(
          done.in(session.language())
              .then(OutcomeSpeech.reference(sent.get(), session.language())));
      session.path().visit(service + ":approved");
      session.path().served(servedReason);
      return Next.MAIN_MENU;
    }
    session.path().visit(service + ":" + OutcomeSpeech.sayRefusal(session, outcome, true));
    return Next.OFFICER_OR_MENU;
  }
}
