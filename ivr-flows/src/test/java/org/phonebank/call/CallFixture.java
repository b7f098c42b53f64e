// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.phonebank.banking.BankSwitch;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.StatementLine;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIdSource;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.escalation.OfficerQueue;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.lockout.CardLockouts;
import org.phonebank.money.Rials;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;
import org.phonebank.prompt.PromptCatalogue;
import org.phonebank.testing.InMemoryCallPaths;
import org.phonebank.testing.InMemoryCardLockouts;
import org.phonebank.testing.InMemoryJournal;
import org.phonebank.testing.InMemoryReversals;

/**
 * Sample data and in-memory stores for flow tests: one journal, reversal log, lockout store and
 * call-path store per fixture, a fixed clock, and RRNs {@code 632700000001}, {@code 632700000002} …
 * in order.
 */
public final class CallFixture {

  public static final PromptCatalogue CATALOGUE = PromptCatalogue.load();
  public static final String CARD = "6037991234567893";
  public static final String OTHER_CARD = "5892101234567895";
  public static final String BAD_LUHN_CARD = "6037991234567890";
  public static final String PIN = "7391";
  public static final Instant NOW = Instant.parse("2024-03-24T08:30:00Z");

  public final InMemoryJournal journal = new InMemoryJournal();
  public final InMemoryReversals reversals = new InMemoryReversals();
  public final InMemoryCallPaths callPaths = new InMemoryCallPaths();
  public final CardLockouts lockouts;
  private final AtomicInteger stans = new AtomicInteger();
  private final TransactionIdSource ids =
      () -> {
        int stan = stans.incrementAndGet();
        return new TransactionIds(new Stan(stan), new Rrn(String.format("63270%07d", stan)), NOW);
      };

  public CallFixture() {
    this(new InMemoryCardLockouts());
  }

  /** A fixture over an existing lockout store: a restarted phone bank sees the same locks. */
  public CallFixture(CardLockouts lockouts) {
    this.lockouts = lockouts;
  }

  public JournalledSwitch bank(BankSwitch bankSwitch) {
    return new JournalledSwitch(bankSwitch, journal, ids, reversals);
  }

  public CallServices services(BankSwitch bankSwitch) {
    return new CallServices(
        bank(bankSwitch),
        ScriptedSwitch.PINS,
        lockouts,
        callPaths,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** Services with the phone bank's own officers' queues. */
  public CallServices services(ScriptedSwitch bankSwitch, OfficerQueue officers) {
    return new CallServices(
        bank(bankSwitch),
        ScriptedSwitch.PINS,
        lockouts,
        callPaths,
        Clock.fixed(NOW, ZoneOffset.UTC),
        officers);
  }

  /** A session whose caller is already past the card and PIN, in {@code language}. */
  public static Session signedIn(ScriptedPhone phone, Language language) {
    Session session = new Session(phone, language, new PathLog(phone.callId(), NOW));
    CardNumber card = new CardNumber(CARD);
    try (TelephonePin pin = TelephonePin.of(PIN.toCharArray())) {
      session.authenticated(card, ScriptedSwitch.PINS.seal(pin, card));
    }
    return session;
  }

  public static ScriptedPhone phone(String... keyGroups) {
    return new ScriptedPhone("call-7f3a", CATALOGUE, keyGroups);
  }

  public static ScriptedPhone answeredPhone(String... keyGroups) {
    return ScriptedPhone.answered("call-7f3a", CATALOGUE, keyGroups);
  }

  public static String say(Phrase phrase, Language language) {
    return CATALOGUE.textOf(phrase.in(language));
  }

  public static SwitchOutcome approved(long balance) {
    return new SwitchOutcome.Approved("A1B2C3", Rials.of(balance));
  }

  public static SwitchOutcome approvedWithName(String holder) {
    return new SwitchOutcome.Approved("A1B2C3", null, holder, List.of());
  }

  public static SwitchOutcome approvedStatement(List<StatementLine> lines) {
    return new SwitchOutcome.Approved("A1B2C3", null, null, lines);
  }

  public static SwitchOutcome declined(DeclineReason reason, String code) {
    return new SwitchOutcome.Declined(reason, code);
  }
}
