// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.Journal;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.journal.OverDailyLimit;
import org.phonebank.journal.Reservation;
import org.phonebank.journal.TransactionType;
import org.phonebank.lockout.LockoutState;
import org.phonebank.lockout.PinTry;
import org.phonebank.money.Rials;

/**
 * A journal in a list, with the real one's rules: opened PENDING, closed once to a final state,
 * REVERSING only from PENDING, REVERSED only from PENDING or REVERSING. The whole day is "today".
 */
public final class InMemoryJournal implements Journal {

  private final List<JournalEntry> entries = new ArrayList<>();
  private final List<String> cards = new ArrayList<>();

  @Override
  public synchronized JournalEntry open(
      String callId, TransactionType type, TransactionIds ids, CardNumber card, Rials amount) {
    JournalEntry entry =
        new JournalEntry(
            entries.size() + 1L,
            callId,
            type,
            ids,
            card.masked(),
            amount,
            EntryState.PENDING,
            null,
            Instant.now());
    entries.add(entry);
    cards.add(card.digits());
    return entry;
  }

  /**
   * The try is taken and the entry written under this journal's lock, as the real journal does both
   * in one transaction; a try of another store is refused as the real journal refuses it.
   */
  @Override
  public synchronized Optional<JournalEntry> openTakingTry(
      String callId, TransactionType type, TransactionIds ids, CardNumber card, PinTry pinTry) {
    InMemoryCardLockouts.Try own = InMemoryCardLockouts.Try.of(pinTry);
    if (!own.take()) {
      return Optional.empty();
    }
    return Optional.of(open(callId, type, ids, card, null));
  }

  /** Closed and settled under this journal's lock; an entry not PENDING settles nothing. */
  @Override
  public synchronized LockoutState closeSettlingTry(
      long entryId, SwitchOutcome outcome, PinTry pinTry) {
    InMemoryCardLockouts.Try own = InMemoryCardLockouts.Try.of(pinTry);
    JournalEntry open = entry(entryId);
    if (open.state() != EntryState.PENDING) {
      throw new IllegalStateException(
          "Entry " + entryId + " is " + open.state() + ": its PIN try stays held");
    }
    close(entryId, outcome);
    return own.settle(PinTry.Settlement.of(outcome));
  }

  /** The same rule as the real journal's, made atomic by this object's lock. */
  @Override
  public synchronized Reservation openWithinDailyLimit(
      String callId,
      TransactionType type,
      TransactionIds ids,
      CardNumber card,
      Rials amount,
      Rials dailyLimit) {
    if (!type.movesMoney() || amount == null || !amount.isPositive()) {
      throw new IllegalArgumentException("Only a positive money movement counts against a limit.");
    }
    Rials left = dailyLimit.minus(usedToday(card, type));
    if (amount.compareTo(left) > 0) {
      return new OverDailyLimit(left.isNegative() ? Rials.zero() : left);
    }
    return new Reservation.Reserved(open(callId, type, ids, card, amount));
  }

  @Override
  public synchronized JournalEntry close(long entryId, SwitchOutcome outcome) {
    JournalEntry open = entry(entryId);
    EntryState state = JournalledSwitch.stateOf(outcome);
    if (open.state().isFinal()) {
      if (open.state() != state) {
        throw new IllegalStateException("Entry " + entryId + " is already " + open.state());
      }
      return open;
    }
    if (open.state() != EntryState.PENDING) {
      throw new IllegalStateException("Entry " + entryId + " is " + open.state() + ", not PENDING");
    }
    String code = outcome instanceof SwitchOutcome.Declined d ? d.responseCode() : null;
    return replace(open, state, code);
  }

  @Override
  public synchronized JournalEntry reversing(long entryId) {
    JournalEntry e = entry(entryId);
    if (e.state() == EntryState.REVERSING || e.state() == EntryState.REVERSED) {
      return e;
    }
    if (e.state() != EntryState.PENDING || !e.type().movesMoney()) {
      throw new IllegalStateException(
          "Entry "
              + entryId
              + " is a "
              + e.state()
              + " "
              + e.type()
              + ", not a pending money movement");
    }
    return replace(e, EntryState.REVERSING, null);
  }

  @Override
  public synchronized JournalEntry reversed(long entryId) {
    JournalEntry e = entry(entryId);
    if (e.state() == EntryState.PENDING || e.state() == EntryState.REVERSING) {
      return replace(e, EntryState.REVERSED, e.responseCode());
    }
    return e;
  }

  @Override
  public synchronized List<JournalEntry> unfinished() {
    return entries.stream().filter(e -> !e.state().isFinal()).toList();
  }

  @Override
  public synchronized Rials usedToday(CardNumber card, TransactionType type) {
    Rials total = Rials.zero();
    for (int i = 0; i < entries.size(); i++) {
      JournalEntry e = entries.get(i);
      boolean counts =
          e.state() != EntryState.DECLINED
              && e.state() != EntryState.REVERSED
              && e.state() != EntryState.UNREACHABLE;
      if (counts && e.type() == type && cards.get(i).equals(card.digits()) && e.amount() != null) {
        total = total.plus(e.amount());
      }
    }
    return total;
  }

  @Override
  public synchronized List<JournalEntry> forCall(String callId) {
    return entries.stream().filter(e -> e.callId().equals(callId)).toList();
  }

  @Override
  public synchronized Optional<JournalEntry> find(long entryId) {
    return entryId < 1 || entryId > entries.size()
        ? Optional.empty()
        : Optional.of(entries.get((int) entryId - 1));
  }

  public synchronized List<JournalEntry> all() {
    return List.copyOf(entries);
  }

  private JournalEntry entry(long entryId) {
    if (entryId < 1 || entryId > entries.size()) {
      throw new IllegalArgumentException("No journal entry " + entryId);
    }
    return entries.get((int) entryId - 1);
  }

  private JournalEntry replace(JournalEntry e, EntryState state, String code) {
    JournalEntry next =
        new JournalEntry(
            e.id(),
            e.callId(),
            e.type(),
            e.ids(),
            e.maskedCard(),
            e.amount(),
            state,
            code,
            Instant.now());
    entries.set((int) e.id() - 1, next);
    return next;
  }
}
