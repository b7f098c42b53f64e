// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk;

import java.util.List;

/**
 * The screen-pop: a caller's banking context as the officer's page shows it. Plain values (nulls
 * for "none"), because the page receives it as JSON; every text is put on the page as text, never
 * as markup.
 *
 * @param maskedCard the card masked 6+4, or null when none was keyed
 * @param holderName null: the escalation does not carry the holder's name ({@link #holderNote} says
 *     so)
 * @param language "Persian" or "English"
 * @param lockedOut null when the card is not known to the journal (no fingerprint)
 * @param history the same card's calls of the last 30 days, newest first
 */
public record ScreenPop(
    long entryId,
    String maskedCard,
    String holderName,
    String holderNote,
    String language,
    boolean authenticated,
    List<Step> path,
    String reason,
    String reasonText,
    List<Request> switchRequests,
    Boolean lockedOut,
    List<Contact> history) {

  /** One step of the IVR path: its name and its words. */
  public record Step(int number, String name, String words) {}

  /** One switch request with the response code's meaning in English and Persian. */
  public record Request(
      String type,
      Long amount,
      int stan,
      String rrn,
      String responseCode,
      String meaning,
      String meaningPersian,
      String state) {}

  /** An earlier call of the same card. */
  public record Contact(
      String at, String ending, String escalationReason, String wrapUpCode, String wrapUpWords) {}
}
