// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.billpay;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.phonebank.banking.BillPayment;
import org.phonebank.bill.BillId;
import org.phonebank.bill.PaymentId;
import org.phonebank.call.BankingService;
import org.phonebank.call.DailyLimit;
import org.phonebank.call.IvrSettings;
import org.phonebank.call.MoneyMovement;
import org.phonebank.call.Next;
import org.phonebank.call.Questions;
import org.phonebank.call.Session;
import org.phonebank.callpath.CallEnding;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;
import org.phonebank.prompt.Prompt;
import org.phonebank.prompt.SpokenAmount;

/**
 * Main menu 4: a bill paid by its bill identifier and payment identifier. Both check digits are
 * verified (the payment id's second one ties it to this bill) before the switch hears of it; the
 * amount comes from the payment id and is read back with the kind of bill for the caller to
 * confirm. Bill payments have their own daily limit per card ({@code
 * phonebank.ivr.daily-bill-limit-rials}): checked as a courtesy once the amount is known, and
 * reserved atomically by the journal when the payment is sent.
 */
public final class BillPayer implements BankingService {

  private static final int ID_KEYS = 13;

  private final JournalledSwitch bank;
  private final Questions questions;
  private final MoneyMovement movement;
  private final DailyLimit limit;

  /**
   * @param limit the daily bill-payment limit ({@link IvrSettings#dailyBills})
   */
  public BillPayer(JournalledSwitch bank, Questions questions, DailyLimit limit) {
    this.bank = Objects.requireNonNull(bank, "Journalled switch is required.");
    this.questions = Objects.requireNonNull(questions, "Questions are required.");
    this.movement = new MoneyMovement(bank, questions);
    this.limit = Objects.requireNonNull(limit, "Daily bill limit is required.");
    if (limit.type() != TransactionType.BILL_PAYMENT) {
      throw new IllegalArgumentException("A bill payment needs the daily bill-payment limit.");
    }
  }

  @Override
  public Next serve(Session session) {
    session.path().visit("bill-payment");
    Optional<BillId> bill =
        questions
            .entry(session, Phrase.ENTER_BILL_ID, ID_KEYS, false, BillPayer::billIdMistake)
            .map(BillId::new);
    if (bill.isEmpty()) {
      return gaveUp(session, "bill id not entered");
    }
    session.path().visit("bill-payment:payment-id");
    Optional<PaymentId> payment =
        questions
            .entry(
                session,
                Phrase.ENTER_PAYMENT_ID,
                ID_KEYS,
                false,
                keys -> paymentIdMistake(keys, bill.get()))
            .map(PaymentId::new);
    if (payment.isEmpty()) {
      return gaveUp(session, "payment id not entered");
    }
    Prompt overLimit =
        limit.courtesyRefusal(bank, session.card(), payment.get().amount(), session.language());
    if (overLimit != null) {
      session.say(overLimit);
      session.path().visit("bill-payment:over-daily-limit");
      return Next.OFFICER_OR_MENU;
    }
    return movement.confirmAndSend(
        session,
        "bill-payment",
        readBack(bill.get(), payment.get(), session),
        Phrase.BILL_PAID,
        "bill paid",
        limit,
        ids -> new BillPayment(ids, session.card(), session.pin(), bill.get(), payment.get()));
  }

  static Phrase billIdMistake(String keys) {
    if (!Questions.allDigits(keys) || keys.length() < 6) {
      return Phrase.BILL_ID_MUST_BE_6_TO_13_DIGITS;
    }
    return BillId.isValid(keys) ? null : Phrase.BILL_ID_NOT_VALID;
  }

  static Phrase paymentIdMistake(String keys, BillId bill) {
    if (!Questions.allDigits(keys) || keys.length() < 6) {
      return Phrase.PAYMENT_ID_MUST_BE_6_TO_13_DIGITS;
    }
    try {
      PaymentId payment = new PaymentId(keys);
      return payment.belongsTo(bill) && payment.amount().isPositive()
          ? null
          : Phrase.PAYMENT_ID_NOT_VALID;
    } catch (IllegalArgumentException e) {
      return Phrase.PAYMENT_ID_NOT_VALID;
    }
  }

  /** "You are about to pay a water bill of 1,250,000 rials"; Persian puts the verb last. */
  private static Prompt readBack(BillId bill, PaymentId payment, Session session) {
    Language language = session.language();
    Rials amount = payment.amount();
    String type = "bill-type-" + bill.type().name().toLowerCase(Locale.ROOT).replace('_', '-');
    Prompt said =
        Phrase.BILL_CONFIRM_START
            .in(language)
            .then(Prompt.of(language, type))
            .then(Phrase.BILL_CONFIRM_AMOUNT.in(language))
            .then(SpokenAmount.of(amount, language));
    return language == Language.PERSIAN ? said.then(Prompt.of(language, "bill-confirm-end")) : said;
  }

  private static Next gaveUp(Session session, String why) {
    session.path().ended(CallEnding.GAVE_UP, why);
    return Next.OFFER_OFFICER;
  }
}
