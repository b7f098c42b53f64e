// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.backoffice.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.phonebank.money.Rials;
import org.phonebank.settlement.DifferenceKind;
import org.phonebank.settlement.KindTotal;
import org.phonebank.settlement.SettlementTotals;
import org.phonebank.settlement.file.SettlementFile;
import org.phonebank.settlement.file.SettlementFileParser;
import org.phonebank.settlement.report.BalanceReport;

class BalanceReportPdfTest {

  /** The example of docs/settlement-file.md: a transfer, a bill, a transfer and its reversal. */
  private static final String FILE =
      """
      H|PBSTL1|603799|IVR00001|20260506|1405-02-16|23:00|2026-05-06T20:00:00Z
      D|0200|400000|000001|612610000001|IVR00001|20260506|101530|603799******7893|1000000|364|00|500
      D|0200|500000|000002|612610000002|IVR00001|20260506|101530|603799******7893|250000|364|00|500
      D|0200|400010|000003|612610000003|IVR00001|20260506|101530|603799******7893|70000|364|00|500
      D|0420|400010|000003|612610000003|IVR00001|20260506|101530|603799******7893|70000|364|00|0
      S|40|2|1070000|1|70000|1000
      S|50|1|250000|0|0|500
      T|4|3|1320000|0|0|1|70000|3|1500|1248500
      """;

  private static final Path FONTS = Path.of("src", "main", "webapp", "fonts");

  @Test
  void everyFigureReadBackFromThePdfTiesToTheTrailer() throws Exception {
    SettlementFile file = parse();
    String text = extract(pdf(report(file.totals(), Optional.of(file.totals()))));

    // The trailer T|4|3|1320000|0|0|1|70000|3|1500|1248500, figure by figure: stated, then
    // computed.
    for (String proof :
        List.of(
            "detail count 4 4",
            "debits count 3 3",
            "debits amount 1,320,000 1,320,000",
            "credits count 0 0",
            "reversals count 1 1",
            "reversals amount 70,000 70,000",
            "fees count 3 3",
            "fees amount 1,500 1,500",
            "net 1,248,500 1,248,500",
            "class 40 items amount 1,070,000 1,070,000",
            "class 50 fees 500 500")) {
      assertTrue(lineStarting(text, proof).contains("برابر"), proof + " in\n" + text);
    }
    assertTrue(
        lineStarting(text, "Net settlement position 1,248,500").contains("خالص وضعیت تسویه"));
    assertTrue(lineStarting(text, "Debits 3 1,320,000").contains("بدهکار"), text);
    assertTrue(lineStarting(text, "Transfer (40), items 2 1,070,000").contains("انتقال وجه"));
    assertTrue(text.contains("Ties to the switch's control totals: yes"), text);
    // PDFBox's text extraction leaves out the zero-width non-joiner the page carries.
    assertTrue(text.contains("با جمع‌های کنترلی سوئیچ برابر است".replace("\u200c", "")), text);
    assertTrue(lineStarting(text, "Unknown to us 2 20,002").contains("نزد ما ناشناخته"), text);
  }

  @Test
  void theDateIsGivenInTheSolarHijriAndGregorianCalendarsAndThePersianTitleReadsBack()
      throws Exception {
    SettlementFile file = parse();
    String text = extract(pdf(report(file.totals(), Optional.of(file.totals()))));

    assertTrue(
        lineStarting(text, "Business date (Solar Hijri, Gregorian) 1405/02/16 2026-05-06")
            .contains("روز کاری"),
        text);
    assertTrue(text.contains("گزارش تسویه (تراز) روز کاری"), text);
  }

  @Test
  void detailsThatNoLongerAddUpToTheTrailerAreShownAsNotTying() throws Exception {
    SettlementFile file = parse();
    SettlementTotals stated = file.totals();
    // The loaded lines as if the 1,000,000 transfer (and its 500 fee) had gone.
    SettlementTotals computed =
        SettlementTotals.of(file.records().subList(1, file.records().size()));
    String text = extract(pdf(report(computed, Optional.of(stated))));

    assertTrue(lineStarting(text, "net  DOES NOT TIE 1,248,500 249,000").contains("نابرابر"), text);
    assertTrue(lineStarting(text, "credits amount 0 0").endsWith("برابر"), text);
    assertTrue(text.contains("Ties to the switch's control totals: NO"), text);
    assertFalse(text.contains("Ties to the switch's control totals: yes"), text);
  }

  @Test
  void thePersianFontIsEmbeddedAsASubset() throws Exception {
    SettlementFile file = parse();
    try (PDDocument document = Loader.loadPDF(pdf(report(file.totals(), Optional.empty())))) {
      PDFont font = null;
      for (var name : document.getPage(0).getResources().getFontNames()) {
        PDFont candidate = document.getPage(0).getResources().getFont(name);
        if (candidate.getName().contains("NotoSansArabic")) {
          font = candidate;
        }
      }
      assertTrue(font != null && font.isEmbedded(), "Noto Sans Arabic embedded");
      assertTrue(font.getName().matches("[A-Z]{6}\\+NotoSansArabic.*"), font.getName());
      String text = new PDFTextStripper().getText(document);
      assertTrue(text.contains("No control totals were kept for this file"), text);
    }
  }

  private static SettlementFile parse() throws Exception {
    return new SettlementFileParser(1_000_000)
        .parse(FILE.getBytes(StandardCharsets.US_ASCII), LocalDate.of(2026, 5, 6), "IVR00001");
  }

  private static BalanceReport report(
      SettlementTotals settled, Optional<SettlementTotals> controls) {
    Map<DifferenceKind, KindTotal> kinds = new EnumMap<>(DifferenceKind.class);
    kinds.put(DifferenceKind.MATCHED, new KindTotal(2, Rials.of(1_320_000)));
    kinds.put(DifferenceKind.UNKNOWN_TO_US, new KindTotal(2, Rials.of(20_002)));
    return new BalanceReport(LocalDate.of(2026, 5, 6), "IVR00001", 7, 3, settled, controls, kinds);
  }

  private static byte[] pdf(BalanceReport report) throws IOException {
    return new BalanceReportPdf(
            Files.readAllBytes(FONTS.resolve("NotoSansArabic-Regular.ttf")),
            Files.readAllBytes(FONTS.resolve("NotoSansArabic-Bold.ttf")))
        .write(report, Instant.parse("2026-05-06T21:00:00Z"));
  }

  /** The PDF's text as PDFBox reads it back (presentation forms folded to letters). */
  private static String extract(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return Normalizer.normalize(stripper.getText(document), Normalizer.Form.NFKC);
    }
  }

  private static String lineStarting(String text, String start) {
    return Arrays.stream(text.split("\n"))
        .filter(line -> line.startsWith(start))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line starting '" + start + "' in\n" + text));
  }

  @Test
  void rialsAreGroupedByThousands() {
    assertEquals("1,248,500", BalanceReportPdf.rials(1_248_500));
    assertEquals("-1,500", BalanceReportPdf.rials(-1_500));
  }
}
