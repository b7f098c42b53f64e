// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.util.Objects;
import java.util.Optional;
import org.phonebank.card.CardNumber;
import org.phonebank.card.SealedPin;
import org.phonebank.escalation.EscalationReason;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;
import org.phonebank.prompt.Prompt;

/**
 * One caller's conversation once the language is chosen: the line, the language, the path being
 * recorded, and after authentication the card and the PIN the issuer accepted, sealed (a {@link
 * SealedPin}: its PIN block, enciphered when it was keyed; the session never holds PIN digits).
 * Every request of the call carries that handle to the switch, so it is held until the call ends
 * and then wiped by {@link #close()}.
 */
public final class Session implements AutoCloseable {

  private final Phone phone;
  private final Language language;
  private final PathLog path;
  private CardNumber card;
  private SealedPin pin;
  private EscalationReason officerReason;
  private CardNumber keyedCard;

  public Session(Phone phone, Language language, PathLog path) {
    this.phone = Objects.requireNonNull(phone, "Phone is required.");
    this.language = Objects.requireNonNull(language, "Language is required.");
    this.path = Objects.requireNonNull(path, "Path is required.");
  }

  public Phone phone() {
    return phone;
  }

  public String callId() {
    return phone.callId();
  }

  public Language language() {
    return language;
  }

  public PathLog path() {
    return path;
  }

  public void say(Phrase phrase) {
    phone.play(phrase.in(language));
  }

  public void say(Prompt prompt) {
    phone.play(prompt);
  }

  /**
   * The issuer accepted {@code acceptedPin} for {@code authenticatedCard}; the session now owns the
   * sealed PIN.
   */
  public void authenticated(CardNumber authenticatedCard, SealedPin acceptedPin) {
    Objects.requireNonNull(authenticatedCard, "Card is required.");
    if (!acceptedPin.card().equals(authenticatedCard)) {
      throw new IllegalArgumentException("The PIN was sealed for another card.");
    }
    this.card = authenticatedCard;
    replacePin(acceptedPin);
  }

  /** After a PIN change the new PIN is the one later requests must carry; the old one is wiped. */
  public void replacePin(SealedPin newPin) {
    Objects.requireNonNull(newPin, "PIN is required.");
    if (pin != null && pin != newPin) {
      pin.close();
    }
    pin = newPin;
  }

  /**
   * Why an officer would be offered if the stage now returns {@link Next#OFFER_OFFICER}, when the
   * stage knows better than the path's ending (a stolen card goes to fraud, ahead of everyone).
   */
  public void officerReason(EscalationReason reason) {
    this.officerReason = Objects.requireNonNull(reason, "Reason is required.");
  }

  public Optional<EscalationReason> officerReason() {
    return Optional.ofNullable(officerReason);
  }

  /** The caller keyed {@code card}, accepted by the issuer or not (shown masked to an officer). */
  public void keyedCard(CardNumber card) {
    this.keyedCard = Objects.requireNonNull(card, "Card is required.");
  }

  /** The card the caller keyed last, or the authenticated one. */
  public Optional<CardNumber> keyedCard() {
    return Optional.ofNullable(card != null ? card : keyedCard);
  }

  /** The card if the caller keyed one the issuer accepted. */
  public Optional<CardNumber> authenticatedCard() {
    return Optional.ofNullable(card);
  }

  public CardNumber card() {
    if (card == null) {
      throw new IllegalStateException("The caller is not authenticated.");
    }
    return card;
  }

  /** The accepted PIN, sealed for {@link #card()}, for the call's requests. */
  public SealedPin pin() {
    if (pin == null) {
      throw new IllegalStateException("The caller is not authenticated.");
    }
    return pin;
  }

  @Override
  public void close() {
    if (pin != null) {
      pin.close();
    }
  }

  @Override
  public String toString() {
    return "Session[" + phone.callId() + ", " + language.code() + "]";
  }
}
