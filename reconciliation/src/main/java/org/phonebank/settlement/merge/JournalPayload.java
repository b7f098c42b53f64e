// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.merge;

import java.time.Instant;
import java.time.LocalDate;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.TransactionIds;
import org.phonebank.journal.BusinessDayEntry;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;

/**
 * A journal entry with its terminal and business date as the compact bytes a sorted run holds;
 * decoded again, field for field equal, only when its group is read.
 */
final class JournalPayload {

  // By ordinal: a run's files live no longer than the process that wrote them.
  private static final TransactionType[] TYPES = TransactionType.values();
  private static final EntryState[] STATES = EntryState.values();

  private JournalPayload() {}

  static byte[] encode(BusinessDayEntry line) {
    JournalEntry e = line.entry();
    Bytes.Out out =
        new Bytes.Out()
            .putLong(e.id())
            .putString(e.callId())
            .putInt(e.type().ordinal())
            .putInt(e.ids().stan().value())
            .putString(e.ids().rrn().value());
    instant(out, e.ids().transmittedAt());
    out.putString(e.maskedCard()).putBoolean(e.amount() != null);
    if (e.amount() != null) {
      out.putLong(e.amount().value());
    }
    out.putInt(e.state().ordinal()).putBoolean(e.responseCode() != null);
    if (e.responseCode() != null) {
      out.putString(e.responseCode());
    }
    out.putBoolean(e.updatedAt() != null);
    if (e.updatedAt() != null) {
      instant(out, e.updatedAt());
    }
    return out.putString(line.terminalId()).putLong(line.businessDate().toEpochDay()).toArray();
  }

  static BusinessDayEntry decode(byte[] payload) {
    Bytes.In in = new Bytes.In(payload);
    long id = in.getLong();
    String callId = in.getString();
    TransactionType type = TYPES[in.getInt()];
    TransactionIds ids =
        new TransactionIds(new Stan(in.getInt()), new Rrn(in.getString()), instant(in));
    String card = in.getString();
    Rials amount = in.getBoolean() ? Rials.of(in.getLong()) : null;
    EntryState state = STATES[in.getInt()];
    String responseCode = in.getBoolean() ? in.getString() : null;
    Instant updatedAt = in.getBoolean() ? instant(in) : null;
    return new BusinessDayEntry(
        new JournalEntry(id, callId, type, ids, card, amount, state, responseCode, updatedAt),
        in.getString(),
        LocalDate.ofEpochDay(in.getLong()));
  }

  private static void instant(Bytes.Out out, Instant at) {
    out.putLong(at.getEpochSecond()).putInt(at.getNano());
  }

  private static Instant instant(Bytes.In in) {
    return Instant.ofEpochSecond(in.getLong(), in.getInt());
  }
}
