// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.backoffice.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.phonebank.settlement.DifferenceKind;
import org.phonebank.settlement.KindTotal;
import org.phonebank.settlement.SettlementTotals;
import org.phonebank.settlement.file.SolarHijri;
import org.phonebank.settlement.report.BalanceReport;
import org.phonebank.settlement.report.BalanceReportCsv;
import org.phonebank.settlement.report.ControlTie;

/**
 * The balance report of a business date as a PDF for the back office, each line in English (left)
 * and Persian (right): the date in the Solar Hijri and Gregorian calendars, the settled items by
 * transaction type, the settlement position (debits, credits, reversals, fees, net), the proof
 * figure by figure that they tie to the switch's control totals, and the reconciliation against the
 * journal by difference kind. Figures are whole rials in ASCII digits grouped by thousands ({@code
 * 1,320,000}), as in the switch's file, so they read the same in both languages.
 */
public final class BalanceReportPdf {

  private static final Map<DifferenceKind, String> PERSIAN_KIND =
      new EnumMap<>(DifferenceKind.class);

  static {
    PERSIAN_KIND.put(DifferenceKind.MATCHED, "منطبق");
    PERSIAN_KIND.put(DifferenceKind.MISSING_AT_SWITCH, "در سوئیچ نیست");
    PERSIAN_KIND.put(DifferenceKind.UNKNOWN_TO_US, "نزد ما ناشناخته");
    PERSIAN_KIND.put(DifferenceKind.AMOUNT_MISMATCH, "مغایرت مبلغ");
    PERSIAN_KIND.put(DifferenceKind.PROCESSING_CODE_MISMATCH, "مغایرت کد پردازش");
    PERSIAN_KIND.put(DifferenceKind.DUPLICATE, "تکراری");
    PERSIAN_KIND.put(DifferenceKind.DECLINED_BUT_SETTLED, "ردشده ولی تسویه‌شده");
    PERSIAN_KIND.put(DifferenceKind.REVERSED_BUT_SETTLED, "برگشت‌خورده ولی تسویه‌شده");
    PERSIAN_KIND.put(DifferenceKind.REVERSAL_QUEUED_BUT_SETTLED, "برگشت در صف ارسال ولی تسویه‌شده");
    PERSIAN_KIND.put(DifferenceKind.REVERSAL_WITHOUT_ORIGINAL, "برگشت بدون تراکنش اصلی");
    PERSIAN_KIND.put(DifferenceKind.SETTLED_ON_ANOTHER_DATE, "تسویه در روز دیگر");
  }

  private final byte[] persianFont;
  private final byte[] persianBoldFont;

  /**
   * @param persianFont the TrueType bytes of the Persian font (Noto Sans Arabic Regular)
   * @param persianBoldFont the same font's bold face
   */
  public BalanceReportPdf(byte[] persianFont, byte[] persianBoldFont) {
    this.persianFont = Objects.requireNonNull(persianFont, "Persian font is required.").clone();
    this.persianBoldFont =
        Objects.requireNonNull(persianBoldFont, "Persian bold font is required.").clone();
  }

  /** {@code report} as the bytes of a PDF file, stamped with {@code generatedAt}. */
  public byte[] write(BalanceReport report, Instant generatedAt) {
    try (PdfPages pages = new PdfPages(persianFont, persianBoldFont)) {
      PDDocumentInformation info = pages.document().getDocumentInformation();
      info.setTitle("Settlement report " + report.businessDate() + " " + report.terminalId());
      info.setCreator("Phone bank back office");
      header(pages, report, generatedAt);
      byType(pages, report.settled());
      position(pages, report.settled());
      proof(pages, report);
      differences(pages, report.differences());
      return pages.toBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the balance report PDF.", e);
    }
  }

  private static void header(PdfPages pages, BalanceReport report, Instant generatedAt)
      throws IOException {
    pages.heading("Settlement (balance) report", "گزارش تسویه (تراز) روز کاری", 14);
    pages.row(
        "Business date (Solar Hijri, Gregorian)",
        SolarHijri.format(report.businessDate()).replace('-', '/'),
        report.businessDate().toString(),
        "روز کاری (خورشیدی، میلادی)");
    pages.row("Terminal", "", report.terminalId(), "پایانه");
    pages.row("Reconciliation run", "", Long.toString(report.runId()), "اجرای تطبیق");
    pages.row(
        "Generated at (UTC)",
        "",
        generatedAt.truncatedTo(ChronoUnit.SECONDS).toString(),
        "زمان تهیه (به وقت جهانی)");
  }

  private static void byType(PdfPages pages, SettlementTotals settled) throws IOException {
    pages.heading("Settled by transaction type", "تسویه‌شده به تفکیک نوع تراکنش", 11);
    pages.row("", "count", "rials", "تعداد، مبلغ (ریال)");
    for (SettlementTotals.ClassTotal c : settled.byClass()) {
      String english = capitalised(BalanceReportCsv.typeName(c.transactionClass()));
      String persian = persianType(c.transactionClass());
      pages.row(
          english + " (" + c.transactionClass() + "), items",
          count(c.items().count()),
          rials(c.items().amount().value()),
          persian + "، اقلام");
      pages.row(
          english + " (" + c.transactionClass() + "), reversals",
          count(c.reversals().count()),
          rials(c.reversals().amount().value()),
          persian + "، برگشتی‌ها");
      pages.row(
          english + " (" + c.transactionClass() + "), fees",
          "",
          rials(c.fees().value()),
          persian + "، کارمزد");
    }
  }

  private static void position(PdfPages pages, SettlementTotals settled) throws IOException {
    pages.heading("Settlement position", "وضعیت تسویه", 11);
    total(pages, "Debits", settled.debits(), "بدهکار");
    total(pages, "Credits", settled.credits(), "بستانکار");
    total(pages, "Reversals", settled.reversals(), "برگشتی‌ها");
    total(pages, "Fees", settled.fees(), "کارمزدها");
    pages.row("Net settlement position", "", rials(settled.net().value()), "خالص وضعیت تسویه");
  }

  private static void proof(PdfPages pages, BalanceReport report) throws IOException {
    pages.heading(
        "Proof against the switch's control totals", "اثبات برابری با جمع‌های کنترلی سوئیچ", 11);
    if (report.controls().isEmpty()) {
      pages.row(
          "No control totals were kept for this file",
          "",
          "",
          "جمع‌های کنترلی این پرونده نگه داشته نشده است");
      return;
    }
    pages.row("figure", "switch", "details", "رقم سوئیچ، رقم جزئیات");
    for (ControlTie tie : report.ties()) {
      pages.row(
          tie.figure() + (tie.ties() ? "" : "  DOES NOT TIE"),
          count(tie.stated()),
          count(tie.computed()),
          tie.ties() ? "برابر" : "نابرابر");
    }
    boolean ties = report.tiesToControlTotals();
    pages.row(
        "Ties to the switch's control totals: " + (ties ? "yes" : "NO"),
        "",
        "",
        ties ? "با جمع‌های کنترلی سوئیچ برابر است" : "با جمع‌های کنترلی سوئیچ برابر نیست");
  }

  private static void differences(PdfPages pages, Map<DifferenceKind, KindTotal> differences)
      throws IOException {
    pages.heading("Reconciliation against the journal", "تطبیق با دفتر تراکنش‌های تلفنبانک", 11);
    pages.row("", "count", "rials", "تعداد، مبلغ (ریال)");
    for (DifferenceKind kind : DifferenceKind.values()) {
      total(
          pages,
          capitalised(kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')),
          differences.getOrDefault(kind, KindTotal.NONE),
          PERSIAN_KIND.get(kind));
    }
  }

  private static void total(PdfPages pages, String english, KindTotal total, String persian)
      throws IOException {
    pages.row(english, count(total.count()), rials(total.amount().value()), persian);
  }

  private static String persianType(String transactionClass) {
    return switch (transactionClass) {
      case "40" -> "انتقال وجه (" + transactionClass + ")";
      case "50" -> "پرداخت قبض (" + transactionClass + ")";
      default -> "دسته " + transactionClass;
    };
  }

  /** Whole rials grouped by thousands, e.g. 1,320,000 or -1,500. */
  static String rials(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  private static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
