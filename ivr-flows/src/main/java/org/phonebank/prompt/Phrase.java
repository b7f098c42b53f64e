// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

/**
 * The sentences a call flow says, one recorded file per language under the same name. Numbers and amounts
 * are not phrases: {@link SpokenNumber} and {@link SpokenAmount} compose them from word files.
 */
public enum Phrase {
  WELCOME("welcome"),
  FOR_PERSIAN_PRESS_1("for-persian-press-1"),
  FOR_ENGLISH_PRESS_2("for-english-press-2"),
  INVALID_CHOICE("invalid-choice"),
  NO_ENTRY("no-entry"),
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
  GOODBYE("goodbye");

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

  /** This phrase said in Persian and then in English, for the moments before the caller has chosen. */
  public Prompt inBothLanguages() {
    return in(Language.PERSIAN).then(in(Language.ENGLISH));
  }
}
