// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PathWordsTest {

  @Test
  void knownStepsReadAsWordsAndTheirOutcomeFollows() {
    assertEquals("Main menu", PathWords.of("main-menu"));
    assertEquals("Queued for an officer: asked", PathWords.of("officer-queue:asked"));
    assertEquals("Card-to-card transfer: amount", PathWords.of("transfer:amount"));
  }

  @Test
  void anUnknownStepIsStillReadable() {
    assertEquals("Loan enquiry: rate told", PathWords.of("loan-enquiry:rate-told"));
  }

  @Test
  void responseCodesHaveEnglishAndPersianWordsAndUnknownCodesSaySo() {
    assertEquals("Insufficient funds", ResponseCodeWords.of("51").english());
    assertEquals("رمز نادرست", ResponseCodeWords.of("55").persian());
    assertEquals("Unknown code", ResponseCodeWords.of("X9").english());
  }

  @Test
  void aRequestWithoutACodeIsToldByItsJournalState() {
    assertEquals("Approved", ResponseCodeWords.ofState("APPROVED").english());
    assertEquals("No answer from the switch", ResponseCodeWords.ofState("TIMED_OUT").english());
  }
}
