// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.phonebank.money.Rials;
import org.phonebank.settlement.KindTotal;
import org.phonebank.settlement.SettlementRecord;
import org.phonebank.settlement.SettlementTotals;

/**
 * Writes a settlement file in the format of docs/settlement-file.md: a header, one detail line per
 * record in the order given, one subtotal line per transaction class, and the trailer; UTF-8
 * without a byte-order mark, every line ended by LF.
 */
public final class SettlementFileWriter {

  static final String MAGIC = "PBSTL1";
  static final String SEPARATOR = "|";
  static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");
  static final DateTimeFormatter CUT_OVER = DateTimeFormatter.ofPattern("HH:mm");
  static final String ORIGINAL_MTI = "0200";
  static final String REVERSAL_MTI = "0420";

  private SettlementFileWriter() {}

  /**
   * The file's bytes.
   *
   * @throws IllegalArgumentException when a record is of another business date or terminal than the
   *     header
   */
  public static byte[] write(SettlementHeader header, List<SettlementRecord> records) {
    StringBuilder out = new StringBuilder(128 + records.size() * 112);
    try {
      write(header, records, out);
    } catch (IOException e) {
      throw new UncheckedIOException("Appending to memory cannot fail.", e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes the file to {@code out} as {@code records} are produced, holding none of them: how a
   * test or benchmark makes a day of a million lines. {@code out} must write UTF-8.
   *
   * @throws IllegalArgumentException when a record is of another business date or terminal than the
   *     header
   */
  public static void write(
      SettlementHeader header, Iterable<SettlementRecord> records, Appendable out)
      throws IOException {
    SettlementTotals.Sum sum = new SettlementTotals.Sum();
    line(
        out,
        "H",
        MAGIC,
        header.switchId(),
        header.terminalId(),
        DATE.format(header.businessDate()),
        SolarHijri.format(header.businessDate()),
        CUT_OVER.format(header.cutOver()),
        header.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
    for (SettlementRecord r : records) {
      if (!r.businessDate().equals(header.businessDate())
          || !r.terminalId().equals(header.terminalId())) {
        throw new IllegalArgumentException(
            "Record " + r.key() + " is not of the header's business date and terminal.");
      }
      line(
          out,
          "D",
          r.reversal() ? REVERSAL_MTI : ORIGINAL_MTI,
          r.processingCode(),
          r.stan().digits(),
          r.rrn().value(),
          r.terminalId(),
          DATE.format(r.localDate()),
          TIME.format(r.localTime()),
          r.maskedCard(),
          Long.toString(r.amount().value()),
          Rials.ISO_NUMERIC_CODE,
          r.responseCode(),
          Long.toString(r.fee().value()));
      sum.add(r);
    }
    SettlementTotals totals = sum.totals();
    for (SettlementTotals.ClassTotal c : totals.byClass()) {
      line(
          out,
          "S",
          c.transactionClass(),
          Long.toString(c.items().count()),
          Long.toString(c.items().amount().value()),
          Long.toString(c.reversals().count()),
          Long.toString(c.reversals().amount().value()),
          Long.toString(c.fees().value()));
    }
    line(
        out,
        "T",
        Long.toString(totals.details()),
        count(totals.debits()),
        amount(totals.debits()),
        count(totals.credits()),
        amount(totals.credits()),
        count(totals.reversals()),
        amount(totals.reversals()),
        count(totals.fees()),
        amount(totals.fees()),
        Long.toString(totals.net().value()));
  }

  private static String count(KindTotal total) {
    return Long.toString(total.count());
  }

  private static String amount(KindTotal total) {
    return Long.toString(total.amount().value());
  }

  private static void line(Appendable out, String... fields) throws IOException {
    out.append(String.join(SEPARATOR, fields)).append('\n');
  }
}
