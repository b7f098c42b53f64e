// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.cardblock;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.phonebank.banking.BlockReason;
import org.phonebank.banking.CardBlock;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.call.BankingService;
import org.phonebank.call.Confirmation;
import org.phonebank.call.Next;
import org.phonebank.call.OutcomeSpeech;
import org.phonebank.call.Questions;
import org.phonebank.call.Session;
import org.phonebank.callpath.CallEnding;
import org.phonebank.escalation.EscalationReason;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.prompt.Phrase;

/**
 * Main menu 5: the caller blocks the card (lost, stolen, kept by a cash machine) after a
 * confirmation, and hears the reference number. A blocked card can do nothing more, so the call
 * then ends; a block the issuer did not confirm is too urgent to leave to "call again later", so an
 * officer is offered. A card blocked as stolen is offered the fraud officers either way.
 */
public final class CardBlocker implements BankingService {

  private static final Map<String, BlockReason> REASONS =
      Map.of("1", BlockReason.LOST, "2", BlockReason.STOLEN, "3", BlockReason.CAPTURED);

  private final JournalledSwitch bank;
  private final Questions questions;

  public CardBlocker(JournalledSwitch bank, Questions questions) {
    this.bank = Objects.requireNonNull(bank, "Journalled switch is required.");
    this.questions = Objects.requireNonNull(questions, "Questions are required.");
  }

  @Override
  public Next serve(Session session) {
    session.path().visit("card-block");
    Optional<String> key =
        questions.choose(
            session, Phrase.BLOCK_REASON_MENU.in(session.language()), Set.of("1", "2", "3", "*"));
    if (key.isEmpty()) {
      session.path().ended(CallEnding.GAVE_UP, "no choice at the block reason menu");
      return Next.OFFER_OFFICER;
    }
    if (key.get().equals("*")) {
      session.path().visit("card-block:back");
      return Next.MAIN_MENU;
    }
    BlockReason reason = REASONS.get(key.get());
    session.path().visit("card-block:" + reason.name().toLowerCase(Locale.ROOT));
    Confirmation answer = questions.confirm(session, Phrase.BLOCK_CONFIRM.in(session.language()));
    if (answer == Confirmation.CANCELLED) {
      session.say(Phrase.REQUEST_CANCELLED);
      session.path().visit("card-block:cancelled");
      return Next.MAIN_MENU;
    }
    if (answer == Confirmation.UNANSWERED) {
      session.path().ended(CallEnding.GAVE_UP, "card block not confirmed by the caller");
      return Next.OFFER_OFFICER;
    }
    session.path().visit("card-block:confirmed");
    AtomicReference<TransactionIds> sent = new AtomicReference<>();
    SwitchOutcome outcome =
        bank.send(
            session.callId(),
            ids -> {
              sent.set(ids);
              return new CardBlock(ids, session.card(), session.pin(), reason);
            });
    if (outcome instanceof SwitchOutcome.Approved) {
      session.say(
          Phrase.CARD_BLOCKED
              .in(session.language())
              .then(OutcomeSpeech.reference(sent.get(), session.language())));
      session.path().visit("card-block:approved");
      session.path().served("card blocked");
      if (reason == BlockReason.STOLEN) {
        // A stolen card may already have been used: fraud officers, ahead of everyone.
        session.officerReason(EscalationReason.CARD_STOLEN);
        return Next.OFFER_OFFICER;
      }
      return Next.GOODBYE;
    }
    String refusal = OutcomeSpeech.sayRefusal(session, outcome, false);
    session.path().visit("card-block:" + refusal);
    session.path().ended(CallEnding.FAILED, "card block not confirmed by the issuer: " + refusal);
    if (reason == BlockReason.STOLEN) {
      session.officerReason(EscalationReason.CARD_STOLEN);
    }
    return Next.OFFER_OFFICER;
  }
}
