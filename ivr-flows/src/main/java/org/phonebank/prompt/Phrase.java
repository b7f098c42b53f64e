// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

/**
 * The sentences a call flow says, one recorded file per language under the same name. Numbers and
 * amounts are not phrases: {@link SpokenNumber} and {@link SpokenAmount} compose them from word
 * files.
 */
public enum Phrase {
  WELCOME("welcome"),
  FOR_PERSIAN_PRESS_1("for-persian-press-1"),
  FOR_ENGLISH_PRESS_2("for-english-press-2"),
  INVALID_CHOICE("invalid-choice"),
  NO_ENTRY("no-entry"),
  HASH_ONLY("hash-only"),
  ENTER_CARD("enter-card"),
  CARD_MUST_BE_16_DIGITS("card-must-be-16-digits"),
  CARD_NOT_VALID("card-not-valid"),
  CARD_NOT_RECOGNISED("card-not-recognised"),
  ENTER_PIN("enter-pin"),
  PIN_MUST_BE_4_DIGITS("pin-must-be-4-digits"),
  PIN_INCORRECT("pin-incorrect"),
  TOO_MANY_WRONG_PINS("too-many-wrong-pins"),
  REQUEST_DECLINED("request-declined"),
  SERVICE_UNAVAILABLE("service-unavailable"),
  BALANCE_IS("balance-is"),
  GOODBYE("goodbye"),
  ALL_LINES_BUSY("all-lines-busy"),
  MAIN_MENU("main-menu"),
  OFFER_OFFICER("offer-officer"),
  CONNECTING_TO_OFFICER("connecting-to-officer"),
  HOLD_FOR_OFFICER("hold-for-officer"),
  QUEUE_POSITION("queue-position"),
  ESTIMATED_WAIT("estimated-wait"),
  MINUTES("minutes"),
  CALLBACK_AT("callback-at"),
  CALLBACK_CONFIRM_OR_OTHER("callback-confirm-or-other"),
  CALLBACK_ENTER_NUMBER("callback-enter-number"),
  CALLBACK_NUMBER_NOT_VALID("callback-number-not-valid"),
  CALLBACK_REGISTERED("callback-registered"),
  OFFICER_AFTER_FAILURE("officer-after-failure"),
  CARD_LOCKED("card-locked"),
  STATEMENT_INTRO("statement-intro"),
  STATEMENT_EMPTY("statement-empty"),
  STATEMENT_DEBIT("statement-debit"),
  STATEMENT_CREDIT("statement-credit"),
  TRANSFER_MENU("transfer-menu"),
  ENTER_ACCOUNT("enter-account"),
  ACCOUNT_MUST_BE_6_TO_19_DIGITS("account-must-be-6-to-19-digits"),
  ENTER_DESTINATION_CARD("enter-destination-card"),
  ENTER_AMOUNT("enter-amount"),
  AMOUNT_NOT_VALID("amount-not-valid"),
  AMOUNT_OVER_TRANSFER_LIMIT("amount-over-transfer-limit"),
  AMOUNT_OVER_DAILY_LIMIT("amount-over-daily-limit"),
  BILL_OVER_DAILY_LIMIT("bill-over-daily-limit"),
  TRANSFER_CONFIRM_AMOUNT("transfer-confirm-amount"),
  TRANSFER_CONFIRM_TO("transfer-confirm-to"),
  CONFIRM_OR_CANCEL("confirm-or-cancel"),
  REQUEST_CANCELLED("request-cancelled"),
  TRANSFER_DONE("transfer-done"),
  REFERENCE_NUMBER_IS("reference-number-is"),
  NOT_CONFIRMED_WILL_REVERSE("not-confirmed-will-reverse"),
  BANK_UNREACHABLE("bank-unreachable"),
  DESTINATION_NOT_FOUND("destination-not-found"),
  HOLDER_NAME_UNREADABLE("holder-name-unreadable"),
  DECLINE_INSUFFICIENT_FUNDS("decline-insufficient-funds"),
  DECLINE_LIMIT_EXCEEDED("decline-limit-exceeded"),
  DECLINE_NOT_PERMITTED("decline-not-permitted"),
  DECLINE_EXPIRED_CARD("decline-expired-card"),
  ENTER_BILL_ID("enter-bill-id"),
  BILL_ID_MUST_BE_6_TO_13_DIGITS("bill-id-must-be-6-to-13-digits"),
  BILL_ID_NOT_VALID("bill-id-not-valid"),
  ENTER_PAYMENT_ID("enter-payment-id"),
  PAYMENT_ID_MUST_BE_6_TO_13_DIGITS("payment-id-must-be-6-to-13-digits"),
  PAYMENT_ID_NOT_VALID("payment-id-not-valid"),
  BILL_CONFIRM_START("bill-confirm-start"),
  BILL_CONFIRM_AMOUNT("bill-confirm-amount"),
  BILL_PAID("bill-paid"),
  BLOCK_REASON_MENU("block-reason-menu"),
  BLOCK_CONFIRM("block-confirm"),
  CARD_BLOCKED("card-blocked"),
  ENTER_OLD_PIN("enter-old-pin"),
  ENTER_NEW_PIN("enter-new-pin"),
  REPEAT_NEW_PIN("repeat-new-pin"),
  PIN_TOO_WEAK("pin-too-weak"),
  PINS_DO_NOT_MATCH("pins-do-not-match"),
  PIN_CHANGED("pin-changed");

  private final String fileName;

  Phrase(String fileName) {
    this.fileName = fileName;
  }

  /** The catalogue name of the recording, the same in every language. */
  public String fileName() {
    return fileName;
  }

  public PromptFile file(Language language) {
    return new PromptFile(language, fileName);
  }

  /** This phrase as a prompt in {@code language}. */
  public Prompt in(Language language) {
    return Prompt.of(language, fileName);
  }

  /**
   * This phrase said in Persian and then in English, for the moments before the caller has chosen.
   */
  public Prompt inBothLanguages() {
    return in(Language.PERSIAN).then(in(Language.ENGLISH));
  }
}
