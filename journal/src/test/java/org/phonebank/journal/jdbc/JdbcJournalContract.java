// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;

/** What the JDBC journal must do on every database it supports; a subclass names the database. */
abstract class JdbcJournalContract {

  static final String TERMINAL = "IVR00001";
  static final CardNumber CARD = new CardNumber("6037991234567893");
  static final Instant NINE_AM_TEHRAN = Instant.parse("2026-03-21T05:30:00Z");

  private TestDatabase database;
  private TestClock clock;
  private JdbcJournal journal;

  abstract TestDatabase newDatabase();

  @BeforeEach
  void migrateAFreshDatabase() {
    database = newDatabase();
    SchemaMigrations.migrate(database.dataSource());
    clock = new TestClock(NINE_AM_TEHRAN);
    journal = new JdbcJournal(database.dataSource(), TERMINAL, clock);
  }

  @AfterEach
  void dropTheDatabase() {
    database.close();
  }

  static TransactionIds ids(int stan) {
    return new TransactionIds(
        new Stan(stan), new Rrn(String.format("608009%06d", stan)), NINE_AM_TEHRAN.plusSeconds(stan));
  }

  private JournalEntry openInquiry(String callId, int stan) {
    return journal.open(callId, TransactionType.BALANCE_INQUIRY, ids(stan), CARD, null);
  }

  @Test
  void openRecordsAPendingEntryWithTheMaskedCardOnly() {
    JournalEntry opened = openInquiry("call-1", 1);

    assertEquals(EntryState.PENDING, opened.state());
    assertEquals("603799******7893", opened.maskedCard());
    assertNull(opened.responseCode());
    assertEquals(List.of(opened), journal.forCall("call-1"));
  }

  @Test
  void closingMovesThePendingEntryToTheOutcomeState() {
    JournalEntry opened = openInquiry("call-1", 1);
    clock.advance(Duration.ofSeconds(2));

    JournalEntry closed = journal.close(opened.id(), new SwitchOutcome.Approved("123456", Rials.of(5_000)));

    assertEquals(EntryState.APPROVED, closed.state());
    assertNull(closed.responseCode());
    assertEquals(NINE_AM_TEHRAN.plusSeconds(2), closed.updatedAt());
    assertEquals(List.of(closed), journal.forCall("call-1"));
  }

  @Test
  void aDeclineKeepsTheSwitchResponseCode() {
    JournalEntry opened = openInquiry("call-1", 1);

    JournalEntry closed =
        journal.close(opened.id(), new SwitchOutcome.Declined(DeclineReason.INSUFFICIENT_FUNDS, "51"));

    assertEquals(EntryState.DECLINED, closed.state());
    assertEquals("51", closed.responseCode());
  }

  @Test
  void closingTwiceWithTheSameOutcomeChangesNothing() {
    JournalEntry opened = openInquiry("call-1", 1);
    JournalEntry first = journal.close(opened.id(), new SwitchOutcome.TimedOut());
    clock.advance(Duration.ofMinutes(1));

    JournalEntry again = journal.close(opened.id(), new SwitchOutcome.TimedOut());

    assertEquals(first, again);
    assertEquals(List.of(first), journal.forCall("call-1"));
  }

  @Test
  void closingWithAnotherOutcomeIsRefusedAndTheFirstStands() {
    JournalEntry opened = openInquiry("call-1", 1);
    JournalEntry approved = journal.close(opened.id(), new SwitchOutcome.Approved("123456", null));

    assertThrows(
        IllegalStateException.class, () -> journal.close(opened.id(), new SwitchOutcome.TimedOut()));
    assertEquals(List.of(approved), journal.forCall("call-1"));
  }

  @Test
  void closingAnEntryThatWasNeverOpenedIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> journal.close(4_242, new SwitchOutcome.TimedOut()));
  }

  @Test
  void theSameStanAndRrnCannotBeJournalledTwice() {
    openInquiry("call-1", 7);

    assertThrows(IllegalStateException.class, () -> openInquiry("call-2", 7));
    assertEquals(List.of(), journal.forCall("call-2"));
  }

  @Test
  void anotherTerminalMayUseTheSameStanAndRrn() {
    openInquiry("call-1", 7);
    JdbcJournal otherNode = new JdbcJournal(database.dataSource(), "IVR00002", clock);

    JournalEntry other =
        otherNode.open("call-2", TransactionType.BALANCE_INQUIRY, ids(7), CARD, null);

    assertEquals(List.of(other), journal.forCall("call-2"));
  }

  @Test
  void forCallListsOnlyThatCallInTheOrderItWasOpened() {
    JournalEntry first = openInquiry("call-1", 3);
    openInquiry("call-2", 4);
    JournalEntry second = journal.open(
        "call-1", TransactionType.BALANCE_INQUIRY, ids(5), CARD, Rials.of(1_200_000));

    assertEquals(List.of(first, second), journal.forCall("call-1"));
    assertEquals(Rials.of(1_200_000), journal.forCall("call-1").get(1).amount());
    assertEquals(List.of(), journal.forCall("call-3"));
  }

  @Test
  void anOpenedEntrySurvivesARestartAndCanStillBeClosed() {
    JournalEntry opened = openInquiry("call-1", 1);

    JdbcJournal afterRestart = new JdbcJournal(database.restart(), TERMINAL, clock);

    assertEquals(List.of(opened), afterRestart.forCall("call-1"));
    JournalEntry closed = afterRestart.close(opened.id(), new SwitchOutcome.Unreachable("link down"));
    assertEquals(EntryState.UNREACHABLE, closed.state());
  }

  @Test
  void noColumnOfAnyTableHoldsTheFullCardNumber() {
    JdbcTransactionIdSource stans = new JdbcTransactionIdSource(database.dataSource(), TERMINAL, clock);
    for (int call = 1; call <= 3; call++) {
      JournalEntry opened = journal.open(
          "call-" + call, TransactionType.BALANCE_INQUIRY, stans.next(), CARD, Rials.of(call));
      journal.close(opened.id(), new SwitchOutcome.Declined(DeclineReason.INCORRECT_PIN, "55"));
    }

    List<String> values = database.everyStoredValue();

    assertTrue(values.contains("603799******7893"), "the masked card is stored");
    Pattern sixteenDigits = Pattern.compile("\\d{16}");
    for (String value : values) {
      if (value != null) {
        assertFalse(value.contains(CARD.digits()), "a column holds the full card number");
        assertFalse(sixteenDigits.matcher(value).find(), "a column holds a 16-digit run");
      }
    }
  }
}
