// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.merge;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  private JournalPayload() {}

  static byte[] encode(BusinessDayEntry line) {
    JournalEntry e = line.entry();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(e.id());
      out.writeUTF(e.callId());
      out.writeUTF(e.type().name());
      out.writeInt(e.ids().stan().value());
      out.writeUTF(e.ids().rrn().value());
      instant(out, e.ids().transmittedAt());
      out.writeUTF(e.maskedCard());
      out.writeBoolean(e.amount() != null);
      if (e.amount() != null) {
        out.writeLong(e.amount().value());
      }
      out.writeUTF(e.state().name());
      out.writeBoolean(e.responseCode() != null);
      if (e.responseCode() != null) {
        out.writeUTF(e.responseCode());
      }
      out.writeBoolean(e.updatedAt() != null);
      if (e.updatedAt() != null) {
        instant(out, e.updatedAt());
      }
      out.writeUTF(line.terminalId());
      out.writeLong(line.businessDate().toEpochDay());
    } catch (IOException ex) {
      throw new UncheckedIOException("Writing to memory cannot fail.", ex);
    }
    return bytes.toByteArray();
  }

  static BusinessDayEntry decode(byte[] payload) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      long id = in.readLong();
      String callId = in.readUTF();
      TransactionType type = TransactionType.valueOf(in.readUTF());
      TransactionIds ids =
          new TransactionIds(new Stan(in.readInt()), new Rrn(in.readUTF()), instant(in));
      String card = in.readUTF();
      Rials amount = in.readBoolean() ? Rials.of(in.readLong()) : null;
      EntryState state = EntryState.valueOf(in.readUTF());
      String responseCode = in.readBoolean() ? in.readUTF() : null;
      Instant updatedAt = in.readBoolean() ? instant(in) : null;
      return new BusinessDayEntry(
          new JournalEntry(id, callId, type, ids, card, amount, state, responseCode, updatedAt),
          in.readUTF(),
          LocalDate.ofEpochDay(in.readLong()));
    } catch (IOException e) {
      throw new UncheckedIOException("A sorted run holds a damaged journal entry.", e);
    }
  }

  private static void instant(DataOutputStream out, Instant at) throws IOException {
    out.writeLong(at.getEpochSecond());
    out.writeInt(at.getNano());
  }

  private static Instant instant(DataInputStream in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }
}
