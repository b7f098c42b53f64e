// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.merge;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.money.Rials;
import org.phonebank.settlement.SettlementRecord;

/**
 * A settlement line with its line number as the compact bytes a sorted run holds (about 70 bytes
 * against some 600 as objects); decoded again only when its group is read.
 */
final class SettlementPayload {

  private SettlementPayload() {}

  /** A decoded line: the record and its line number in the file. */
  record Line(int lineNo, SettlementRecord record) {}

  static byte[] encode(int lineNo, SettlementRecord r) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(lineNo);
      out.writeInt((int) r.businessDate().toEpochDay());
      out.writeInt((int) r.localDate().toEpochDay());
      out.writeInt(r.localTime().toSecondOfDay());
      out.writeInt(r.stan().value());
      out.writeUTF(r.rrn().value());
      out.writeUTF(r.terminalId());
      out.writeUTF(r.maskedCard());
      out.writeUTF(r.processingCode());
      out.writeLong(r.amount().value());
      out.writeUTF(r.responseCode());
      out.writeBoolean(r.reversal());
      out.writeLong(r.fee().value());
    } catch (IOException e) {
      throw new UncheckedIOException("Writing to memory cannot fail.", e);
    }
    return bytes.toByteArray();
  }

  static Line decode(byte[] payload) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      int lineNo = in.readInt();
      return new Line(
          lineNo,
          new SettlementRecord(
              LocalDate.ofEpochDay(in.readInt()),
              LocalDate.ofEpochDay(in.readInt()),
              LocalTime.ofSecondOfDay(in.readInt()),
              new Stan(in.readInt()),
              new Rrn(in.readUTF()),
              in.readUTF(),
              in.readUTF(),
              in.readUTF(),
              Rials.of(in.readLong()),
              in.readUTF(),
              in.readBoolean(),
              Rials.of(in.readLong())));
    } catch (IOException e) {
      throw new UncheckedIOException("A sorted run holds a damaged settlement line.", e);
    }
  }
}
