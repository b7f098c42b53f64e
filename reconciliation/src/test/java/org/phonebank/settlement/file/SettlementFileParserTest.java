// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.money.Rials;
import org.phonebank.settlement.KindTotal;
import org.phonebank.settlement.SettlementRecord;

class SettlementFileParserTest {

  private static final LocalDate DAY = LocalDate.of(2026, 5, 6);
  private static final String TERMINAL = "IVR00001";
  private static final SettlementHeader HEADER =
      new SettlementHeader(
          "603799", TERMINAL, DAY, LocalTime.of(23, 0), Instant.parse("2026-05-06T20:00:00Z"));

  private final SettlementFileParser parser = new SettlementFileParser(1_000_000);

  private static SettlementRecord record(int stan, String code, long amount, boolean reversal) {
    return new SettlementRecord(
        DAY,
        DAY,
        LocalTime.of(10, 15, 30),
        new Stan(stan),
        new Rrn(String.format("612610%06d", stan)),
        TERMINAL,
        "603799******7893",
        code,
        Rials.of(amount),
        "00",
        reversal,
        Rials.of(reversal ? 0 : 500));
  }

  private static final List<SettlementRecord> RECORDS =
      List.of(
          record(1, "400000", 1_000_000, false),
          record(2, "500000", 250_000, false),
          record(3, "400010", 70_000, false),
          record(3, "400010", 70_000, true));

  private static String goodFile() {
    return new String(SettlementFileWriter.write(HEADER, RECORDS), StandardCharsets.UTF_8);
  }

  private SettlementFile parse(String text) throws SettlementFileRejected {
    return parser.parse(text.getBytes(StandardCharsets.UTF_8), DAY, TERMINAL);
  }

  private List<LineError> rejected(String text) {
    return assertThrows(SettlementFileRejected.class, () -> parse(text)).errors();
  }

  private static void assertError(List<LineError> errors, int line, String words) {
    assertTrue(
        errors.stream().anyMatch(e -> e.line() == line && e.message().contains(words)),
        () -> "expected line " + line + " '" + words + "' in " + errors);
  }

  @Test
  void whatTheWriterWritesReadsBackRecordForRecord() throws SettlementFileRejected {
    SettlementFile file = parse(goodFile());

    assertEquals(HEADER, file.header());
    assertEquals(RECORDS, file.records());
    assertEquals(new KindTotal(3, Rials.of(1_320_000)), file.totals().debits());
    assertEquals(new KindTotal(1, Rials.of(70_000)), file.totals().reversals());
    assertEquals(new KindTotal(3, Rials.of(1_500)), file.totals().fees());
    assertEquals(Rials.of(1_320_000 - 70_000 - 1_500), file.totals().net());
    assertEquals(2, file.totals().byClass().size());
  }

  @Test
  void theFormatIsPipeSeparatedLinesWithASolarHijriDateInTheHeader() {
    String[] lines = goodFile().split("\n");

    assertEquals(
        "H|PBSTL1|603799|IVR00001|20260506|1405-02-16|23:00|2026-05-06T20:00:00Z", lines[0]);
    assertEquals(
        "D|0200|400000|000001|612610000001|IVR00001|20260506|101530|603799******7893|1000000|364|00|500",
        lines[1]);
    assertEquals("S|40|2|1070000|1|70000|1000", lines[5]);
    assertEquals("T|4|3|1320000|0|0|1|70000|3|1500|1248500", lines[7]);
  }

  @Test
  void theSameContentHasTheSameHashWhateverItIsCalled() throws SettlementFileRejected {
    SettlementFile once = parse(goodFile());
    SettlementFile again = parse(goodFile());
    SettlementFile other = parse(goodFile().replace("23:00", "22:00"));

    assertEquals(once.contentSha256(), again.contentSha256());
    assertNotEquals(once.contentSha256(), other.contentSha256());
  }

  @Test
  void aByteOrderMarkIsRefusedOnLineOne() {
    assertError(rejected("\uFEFF" + goodFile()), 1, "byte-order mark");
  }

  @Test
  void crLfLineEndsAreRefusedWithEveryLineNamed() {
    List<LineError> errors = rejected(goodFile().replace("\n", "\r\n"));

    assertError(errors, 1, "CR LF");
    assertError(errors, 8, "CR LF");
  }

  @Test
  void aFileCutOffInTheMiddleIsTruncated() {
    String whole = goodFile();
    String cut = whole.substring(0, whole.indexOf("\nD|", 60) + 20);

    List<LineError> errors = rejected(cut);

    assertError(errors, 2, "no line end");
    assertError(errors, 2, "without a trailer");
  }

  @Test
  void aFileWithoutItsTrailerLineIsTruncated() {
    String whole = goodFile();
    String withoutTrailer = whole.substring(0, whole.lastIndexOf("T|"));

    assertError(rejected(withoutTrailer), 7, "truncated");
  }

  @Test
  void anAmountWithALetterIsRefusedWithItsLineAndField() {
    List<LineError> errors = rejected(goodFile().replace("|1000000|364|", "|10O0000|364|"));

    assertError(errors, 2, "field 10 (amount): '10O0000'");
  }

  @Test
  void persianDigitsInAnAmountAreRefusedToo() {
    assertError(rejected(goodFile().replace("|250000|364|", "|۲۵۰۰۰۰|364|")), 3, "field 10");
  }

  @Test
  void anEsfandThirtiethThatDoesNotExistIsRefused() {
    // 1404 is a common year: Esfand has 29 days.
    String text = goodFile().replace("|20260506|1405-02-16|", "|20260506|1404-12-30|");

    assertError(rejected(text), 1, "1404 is not a leap year");
  }

  @Test
  void aSolarHijriDateOfAnotherDayIsRefused() {
    assertError(
        rejected(goodFile().replace("1405-02-16", "1405-02-17")), 1, "not the business date");
  }

  @Test
  void aFileForAnotherDateIsRefused() {
    List<LineError> errors =
        assertThrows(
                SettlementFileRejected.class,
                () ->
                    parser.parse(
                        goodFile().getBytes(StandardCharsets.UTF_8), DAY.plusDays(1), TERMINAL))
            .errors();

    assertError(errors, 1, "for business date 2026-05-06, not 2026-05-07");
  }

  @Test
  void aFileForAnotherTerminalIsRefused() {
    List<LineError> errors =
        assertThrows(
                SettlementFileRejected.class,
                () -> parser.parse(goodFile().getBytes(StandardCharsets.UTF_8), DAY, "IVR00002"))
            .errors();

    assertError(errors, 1, "for terminal IVR00001, not IVR00002");
  }

  @Test
  void aDetailOfAnotherTerminalIsRefused() {
    String text = goodFile().replace("|612610000002|IVR00001|", "|612610000002|IVR00009|");

    assertError(rejected(text), 3, "not the header's terminal");
  }

  @Test
  void aWrongControlTotalInTheTrailerIsRefusedWithWhatTheDetailsAddUpTo() {
    String text = goodFile().replace("T|4|3|1320000|", "T|4|3|1320001|");

    assertError(
        rejected(text),
        8,
        "debit amount): the trailer says 1320001, the details add up to 1320000");
  }

  @Test
  void aSubtotalThatDoesNotTieIsRefused() {
    assertError(
        rejected(goodFile().replace("S|50|1|250000|", "S|50|1|250001|")), 7, "does not tie");
  }

  @Test
  void aFullCardNumberIsRefusedAndNeverQuotedBack() {
    List<LineError> errors =
        rejected(goodFile().replaceFirst("603799\\*{6}7893", "6037991234567893"));

    assertError(errors, 2, "masked card only");
    assertTrue(errors.stream().noneMatch(e -> e.message().contains("6037991234567893")));
  }

  @Test
  void aFileAboveTheSizeLimitIsNotRead() {
    SettlementFileParser small = new SettlementFileParser(100);

    List<LineError> errors =
        assertThrows(
                SettlementFileRejected.class,
                () -> small.parse(goodFile().getBytes(StandardCharsets.UTF_8), DAY, TERMINAL))
            .errors();

    assertError(errors, 0, "larger than the limit of 100 bytes");
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() {
    byte[] bytes = goodFile().getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 5] = (byte) 0xFF;

    List<LineError> errors =
        assertThrows(SettlementFileRejected.class, () -> parser.parse(bytes, DAY, TERMINAL))
            .errors();

    assertError(errors, 8, "not UTF-8");
  }

  @Test
  void everyBadLineIsReportedNotJustTheFirst() {
    String text =
        goodFile()
            .replace("|000001|", "|00000A|")
            .replace("|101530|603799******7893|250000", "|251530|603799******7893|250000")
            .replace("D|0200|400010", "X|0200|400010");

    List<LineError> errors = rejected(text);

    assertError(errors, 2, "field 4 (STAN)");
    assertError(errors, 3, "field 8 (local time)");
    assertError(errors, 4, "unknown record type 'X'");
  }

  @Test
  void linesAfterTheTrailerAreRefused() {
    assertError(rejected(goodFile() + "D|0200|\n"), 9, "follows the trailer");
  }

  @Test
  void aDetailOfAClassThatMovesNoMoneyIsRefused() {
    assertError(rejected(goodFile().replace("D|0200|500000", "D|0200|310000")), 3, "never settled");
  }
}
