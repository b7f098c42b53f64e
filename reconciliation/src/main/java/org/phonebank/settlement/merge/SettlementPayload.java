// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.merge;

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
    return new Bytes.Out()
        .putInt(lineNo)
        .putInt((int) r.businessDate().toEpochDay())
        .putInt((int) r.localDate().toEpochDay())
        .putInt(r.localTime().toSecondOfDay())
        .putInt(r.stan().value())
        .putString(r.rrn().value())
        .putString(r.terminalId())
        .putString(r.maskedCard())
        .putString(r.processingCode())
        .putLong(r.amount().value())
        .putString(r.responseCode())
        .putBoolean(r.reversal())
        .putLong(r.fee().value())
        .toArray();
  }

  static Line decode(byte[] payload) {
    Bytes.In in = new Bytes.In(payload);
    int lineNo = in.getInt();
    return new Line(
        lineNo,
        new SettlementRecord(
            LocalDate.ofEpochDay(in.getInt()),
            LocalDate.ofEpochDay(in.getInt()),
            LocalTime.ofSecondOfDay(in.getInt()),
            new Stan(in.getInt()),
            new Rrn(in.getString()),
            in.getString(),
            in.getString(),
            in.getString(),
            Rials.of(in.getLong()),
            in.getString(),
            in.getBoolean(),
            Rials.of(in.getLong())));
  }
}
