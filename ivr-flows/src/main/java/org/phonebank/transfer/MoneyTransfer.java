// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.transfer;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.phonebank.account.AccountNumber;
import org.phonebank.auth.CardEntry;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.HolderNameInquiry;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.Transfer;
import org.phonebank.banking.TransferDestination;
import org.phonebank.call.BankingService;
import org.phonebank.call.MoneyMovement;
import org.phonebank.call.Next;
import org.phonebank.call.OutcomeSpeech;
import org.phonebank.call.Questions;
import org.phonebank.call.Session;
import org.phonebank.callpath.CallEnding;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.money.Rials;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.NameVoice;
import org.phonebank.prompt.PersianText;
import org.phonebank.prompt.Phrase;
import org.phonebank.prompt.Prompt;
import org.phonebank.prompt.SpokenAmount;
import org.phonebank.prompt.SpokenCharacters;
import org.phonebank.prompt.SpokenName;
import org.phonebank.prompt.UnspeakableText;

/**
 * Main menu 3: a transfer to one of the caller's own accounts or to another card. The destination
 * is checked (account length, card length and Luhn), the amount against the channel's limits, then
 * the issuer is asked whose name the destination is in, and name and amount are read back. Only a
 * "1" to that read-back sends the transfer: a cancel, silence or a hang-up before it leaves no
 * money moved.
 */
public final class MoneyTransfer implements BankingService {

  private static final System.Logger LOG = System.getLogger(MoneyTransfer.class.getName());

  /**
   * Keys taken for a card number: one more than 16, so a long entry is told apart from a short one.
   */
  private static final int CARD_KEYS = 17;

  private static final int ACCOUNT_KEYS = 19;
  private static final int AMOUNT_KEYS = 15;

  private final JournalledSwitch bank;
  private final Questions questions;
  private final MoneyMovement movement;
  private final TransferLimits limits;
  private final NameVoice voice;

  public MoneyTransfer(JournalledSwitch bank, Questions questions, TransferLimits limits) {
    this(bank, questions, limits, NameVoice.LETTERS_ONLY);
  }

  public MoneyTransfer(
      JournalledSwitch bank, Questions questions, TransferLimits limits, NameVoice voice) {
    this.bank = Objects.requireNonNull(bank, "Journalled switch is required.");
    this.questions = Objects.requireNonNull(questions, "Questions are required.");
    this.movement = new MoneyMovement(bank, questions);
    this.limits = Objects.requireNonNull(limits, "Transfer limits are required.");
    this.voice = Objects.requireNonNull(voice, "Name voice is required.");
  }

  @Override
  public Next serve(Session session) {
    session.path().visit("transfer");
    Optional<String> kind =
        questions.choose(
            session, Phrase.TRANSFER_MENU.in(session.language()), Set.of("1", "2", "*"));
    if (kind.isEmpty()) {
      return gaveUp(session, "no choice at the transfer menu");
    }
    if (kind.get().equals("*")) {
      session.path().visit("transfer:back");
      return Next.MAIN_MENU;
    }
    Optional<TransferDestination> destination =
        kind.get().equals("1") ? ownAccount(session) : card(session);
    if (destination.isEmpty()) {
      return gaveUp(session, "transfer destination not entered");
    }
    session.path().visit("transfer:amount");
    Optional<Rials> amount = amount(session);
    if (amount.isEmpty()) {
      return gaveUp(session, "transfer amount not entered or over the limit");
    }
    session.path().visit("transfer:holder-name");
    SwitchOutcome named =
        bank.send(
            session.callId(),
            ids -> new HolderNameInquiry(ids, session.card(), session.pin(), destination.get()));
    Optional<String> holder = holderName(session, named);
    if (holder.isEmpty()) {
      return Next.MAIN_MENU;
    }
    String name = PersianText.normalise(holder.get());
    Prompt spelled;
    try {
      spelled = new Prompt(SpokenCharacters.of(name, session.language()));
    } catch (UnspeakableText unspeakable) {
      return unreadableName(session, unspeakable);
    }
    Optional<SpokenName> spoken = voice.speak(name, session.language());
    try {
      Prompt said = spoken.map(SpokenName::prompt).orElse(spelled);
      return movement.confirmAndSend(
          session,
          "transfer",
          readBack(amount.get(), said, session),
          Phrase.TRANSFER_DONE,
          "transfer done",
          limits.daily(),
          ids -> new Transfer(ids, session.card(), session.pin(), destination.get(), amount.get()));
    } finally {
      spoken.ifPresent(SpokenName::close);
    }
  }

  /**
   * A name with a letter that has no recording is never read back without it («کریمى» heard as
   * «کریم» is another surname): the transfer is not offered for confirmation, the caller is offered
   * an officer, and the event is logged by code point, never with the name.
   */
  private static Next unreadableName(Session session, UnspeakableText unspeakable) {
    LOG.log(
        System.Logger.Level.WARNING,
        "Call {0}: holder name not read back, {1} Officer offered.",
        session.callId(),
        unspeakable.getMessage());
    session.say(Phrase.HOLDER_NAME_UNREADABLE);
    session.path().visit("transfer:holder-name-unreadable");
    session.path().ended(CallEnding.FAILED, "holder name has a letter without a recording");
    return Next.OFFER_OFFICER;
  }

  private Optional<TransferDestination> ownAccount(Session session) {
    session.path().visit("transfer:own-account");
    return questions
        .entry(
            session,
            Phrase.ENTER_ACCOUNT,
            ACCOUNT_KEYS,
            true,
            keys ->
                Questions.allDigits(keys) && keys.length() >= 6
                    ? null
                    : Phrase.ACCOUNT_MUST_BE_6_TO_19_DIGITS)
        .map(keys -> new TransferDestination.ToOwnAccount(new AccountNumber(keys)));
  }

  private Optional<TransferDestination> card(Session session) {
    session.path().visit("transfer:to-card");
    return questions
        .entry(session, Phrase.ENTER_DESTINATION_CARD, CARD_KEYS, true, CardEntry::mistakeIn)
        .map(keys -> new TransferDestination.ToCard(new CardNumber(keys)));
  }

  private Optional<Rials> amount(Session session) {
    Language language = session.language();
    return questions
        .entryExplained(
            session,
            Phrase.ENTER_AMOUNT,
            AMOUNT_KEYS,
            false,
            keys -> {
              if (!Questions.allDigits(keys) || Long.parseLong(keys) == 0) {
                return Phrase.AMOUNT_NOT_VALID.in(language);
              }
              return limits.refusal(session.card(), Rials.of(Long.parseLong(keys)), language);
            })
        .map(keys -> Rials.of(Long.parseLong(keys)));
  }

  /** The name to read back, or empty when the caller has been told why there is none. */
  private static Optional<String> holderName(Session session, SwitchOutcome named) {
    if (named instanceof SwitchOutcome.Approved approved
        && approved.holderName() != null
        && !PersianText.normalise(approved.holderName()).isEmpty()) {
      return Optional.of(approved.holderName());
    }
    if (named instanceof SwitchOutcome.Approved
        || named instanceof SwitchOutcome.Declined declined
            && declined.reason() == DeclineReason.INVALID_CARD) {
      session.say(Phrase.DESTINATION_NOT_FOUND);
      session.path().visit("transfer:destination-not-found");
      return Optional.empty();
    }
    session.path().visit("transfer:holder-name-" + OutcomeSpeech.sayRefusal(session, named, false));
    return Optional.empty();
  }

  /**
   * "You are about to transfer <amount> to <name, spoken or spelled>"; Persian puts the verb last.
   */
  private static Prompt readBack(Rials amount, Prompt holder, Session session) {
    Language language = session.language();
    Prompt said =
        Phrase.TRANSFER_CONFIRM_AMOUNT
            .in(language)
            .then(SpokenAmount.of(amount, language))
            .then(Phrase.TRANSFER_CONFIRM_TO.in(language))
            .then(holder);
    return language == Language.PERSIAN
        ? said.then(Prompt.of(language, "transfer-confirm-end"))
        : said;
  }

  private static Next gaveUp(Session session, String why) {
    session.path().ended(CallEnding.GAVE_UP, why);
    return Next.OFFER_OFFICER;
  }
}
