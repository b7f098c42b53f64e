// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.money.Rials;
import org.phonebank.settlement.KindTotal;
import org.phonebank.settlement.SettlementRecord;
import org.phonebank.settlement.SettlementTotals;

/**
 * Reads a settlement file (docs/settlement-file.md) as data only: every field is checked against
 * its declared shape, nothing in it is ever evaluated or looked up. All errors are collected with
 * their line numbers (up to {@value #MAX_ERRORS}); one error rejects the whole file, so a caller
 * loads either all of it or nothing. The checks: size limit, UTF-8 without a byte-order mark, LF
 * line ends, a header first and a trailer last (a missing trailer or last line end means a
 * truncated file), the expected business date and terminal, field counts and shapes, Solar Hijri
 * date that exists and names the same day, subtotals and trailer equal to what the details add up
 * to.
 */
public final class SettlementFileParser {

  static final int MAX_ERRORS = 50;
  private static final int HEADER_FIELDS = 8;
  private static final int DETAIL_FIELDS = 13;
  private static final int SUBTOTAL_FIELDS = 7;
  private static final int TRAILER_FIELDS = 11;

  private final long maxBytes;

  /** A parser that refuses files above {@code maxBytes}. */
  public SettlementFileParser(long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("The size limit must be positive.");
    }
    this.maxBytes = maxBytes;
  }

  /**
   * Reads at most the size limit from {@code in} (one byte more only to see that it is too big).
   */
  public SettlementFile parse(InputStream in, LocalDate expectedDate, String expectedTerminal)
      throws IOException, SettlementFileRejected {
    byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    return parse(content, expectedDate, expectedTerminal);
  }

  /**
   * The file, or every reason it cannot be loaded.
   *
   * @param expectedDate the business date the file must be for, or null to accept any
   * @param expectedTerminal the terminal the file must be for, or null to accept any
   */
  public SettlementFile parse(byte[] content, LocalDate expectedDate, String expectedTerminal)
      throws SettlementFileRejected {
    List<SettlementRecord> records = new ArrayList<>();
    CheckedFile file =
        check(content, expectedDate, expectedTerminal, (lineNo, record) -> records.add(record));
    return new SettlementFile(file.header(), records, file.totals(), file.contentSha256());
  }

  /** Receives each detail line that passed its own checks, as the file is read. */
  @FunctionalInterface
  public interface DetailSink {
    void detail(int lineNo, SettlementRecord record);
  }

  /** A file that passed every check, without its details: those went to a {@link DetailSink}. */
  public record CheckedFile(
      SettlementHeader header, SettlementTotals totals, String contentSha256) {}

  /**
   * Checks the file as {@link #parse} does, handing each detail to {@code details} instead of
   * holding them all: what a day of a million lines needs. The file may still be rejected after
   * details were handed on (a later line, a trailer that does not tie), so what the sink kept
   * counts only once this returns.
   */
  public CheckedFile check(
      byte[] content, LocalDate expectedDate, String expectedTerminal, DetailSink details)
      throws SettlementFileRejected {
    Objects.requireNonNull(content, "Content is required.");
    Objects.requireNonNull(details, "Detail sink is required.");
    Errors errors = new Errors();
    if (content.length > maxBytes) {
      errors.add(0, "larger than the limit of " + maxBytes + " bytes; nothing was read");
      throw errors.rejected();
    }
    if (content.length == 0) {
      errors.add(0, "empty; expected a header, details and a trailer");
      throw errors.rejected();
    }
    // Checked whole, then cut line by line: one string per line, never one of the whole file.
    if (!ascii(content) && decode(content, errors) == null) {
      throw errors.rejected();
    }
    int start = 0;
    if (content.length >= 3
        && content[0] == (byte) 0xEF
        && content[1] == (byte) 0xBB
        && content[2] == (byte) 0xBF) {
      errors.add(1, "starts with a byte-order mark (U+FEFF); the file must be UTF-8 without one");
      start = 3;
    }
    State state = new State(expectedDate, expectedTerminal, errors, details);
    int number = 0;
    while (start < content.length) {
      number++;
      int end = indexOf(content, (byte) '\n', start);
      boolean ended = end >= 0;
      int stop = ended ? end : content.length;
      if (!ended) {
        errors.add(number, "has no line end (LF): the file is truncated");
      }
      if (stop > start && content[stop - 1] == '\r') {
        errors.add(number, "ends with CR LF; lines must end with LF only");
        stop--;
      }
      state.line(number, new String(content, start, stop - start, StandardCharsets.UTF_8));
      start = ended ? end + 1 : content.length;
    }
    return state.finish(number, sha256(content));
  }

  private static boolean ascii(byte[] content) {
    for (byte b : content) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] content, byte wanted, int from) {
    for (int i = from; i < content.length; i++) {
      if (content[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static String decode(byte[] content, Errors errors) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      // Name the line of the first bad byte: the decoder only says that one exists.
      int line = 1;
      for (byte b : content) {
        if (b == '\n') {
          line++;
        } else if (b < 0) {
          break;
        }
      }
      errors.add(line, "is not UTF-8 text (or the first non-ASCII byte is here)");
      return null;
    }
  }

  /** The SHA-256 of {@code content} in lower-case hex: what identifies a file whatever its name. */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256.", e);
    }
  }

  /** Errors in the order found, capped so a garbage file cannot flood the report. */
  private static final class Errors {
    private final List<LineError> list = new ArrayList<>();
    private int dropped;

    void add(int line, String message) {
      if (list.size() < MAX_ERRORS) {
        list.add(new LineError(line, message));
      } else {
        dropped++;
      }
    }

    boolean any() {
      return !list.isEmpty();
    }

    SettlementFileRejected rejected() {
      List<LineError> all = new ArrayList<>(list);
      if (dropped > 0) {
        all.add(new LineError(0, dropped + " more errors not listed"));
      }
      return new SettlementFileRejected(all);
    }
  }

  /** What has been read so far, line by line. */
  private static final class State {
    private final LocalDate expectedDate;
    private final String expectedTerminal;
    private final Errors errors;
    private final DetailSink details;
    private final SettlementTotals.Sum sum = new SettlementTotals.Sum();
    private SettlementHeader header;
    private final List<SettlementTotals.ClassTotal> subtotals = new ArrayList<>();
    private final List<Integer> subtotalLines = new ArrayList<>();
    private String[] trailer;
    private int trailerLine;

    State(LocalDate expectedDate, String expectedTerminal, Errors errors, DetailSink details) {
      this.expectedDate = expectedDate;
      this.expectedTerminal = expectedTerminal;
      this.errors = errors;
      this.details = details;
    }

    void line(int number, String line) {
      if (trailer != null) {
        errors.add(number, "follows the trailer; the trailer must be the last line");
        return;
      }
      String[] fields = fields(line);
      String type = fields[0];
      if (number == 1 && !type.equals("H")) {
        errors.add(1, "must be the header (H), found '" + shorten(type) + "'");
        return;
      }
      switch (type) {
        case "H" -> {
          if (number != 1) {
            errors.add(number, "is a second header; a file has one, on line 1");
          } else if (count(number, fields, HEADER_FIELDS)) {
            header(number, fields);
          }
        }
        case "D" -> {
          if (!subtotals.isEmpty()) {
            errors.add(number, "is a detail after the subtotals");
          } else if (count(number, fields, DETAIL_FIELDS)) {
            detail(number, fields);
          }
        }
        case "S" -> {
          if (count(number, fields, SUBTOTAL_FIELDS)) {
            subtotal(number, fields);
          }
        }
        case "T" -> {
          if (count(number, fields, TRAILER_FIELDS)) {
            trailer = fields;
            trailerLine = number;
          }
        }
        default ->
            errors.add(number, "has an unknown record type '" + shorten(type) + "' (H, D, S or T)");
      }
    }

    private boolean count(int number, String[] fields, int expected) {
      if (fields.length != expected) {
        errors.add(
            number,
            "has "
                + fields.length
                + " fields separated by '|', a "
                + fields[0]
                + " line has "
                + expected);
        return false;
      }
      return true;
    }

    private void header(int number, String[] f) {
      if (!SettlementFileWriter.MAGIC.equals(f[1])) {
        errors.add(number, "field 2: format '" + shorten(f[1]) + "' is not PBSTL1");
      }
      LocalDate date = date(number, 5, "business date", f[4]);
      LocalDate solar = null;
      try {
        solar = SolarHijri.parse(f[5]);
      } catch (IllegalArgumentException e) {
        errors.add(number, "field 6 (Solar Hijri business date): " + e.getMessage());
      }
      if (date != null && solar != null && !date.equals(solar)) {
        errors.add(
            number,
            "field 6 (Solar Hijri business date): "
                + f[5]
                + " is "
                + solar
                + ", not the business date "
                + date);
      }
      LocalTime cutOver = null;
      try {
        cutOver = LocalTime.parse(f[6], SettlementFileWriter.CUT_OVER);
      } catch (DateTimeParseException e) {
        errors.add(number, "field 7 (cut-over): '" + shorten(f[6]) + "' is not HH:mm");
      }
      Instant created = null;
      try {
        created = Instant.parse(f[7]);
      } catch (DateTimeParseException e) {
        errors.add(number, "field 8 (created at): '" + shorten(f[7]) + "' is not a UTC instant");
      }
      if (date != null && expectedDate != null && !date.equals(expectedDate)) {
        errors.add(
            number, "field 5: the file is for business date " + date + ", not " + expectedDate);
      }
      if (expectedTerminal != null && !expectedTerminal.equals(f[3])) {
        errors.add(
            number,
            "field 4: the file is for terminal " + shorten(f[3]) + ", not " + expectedTerminal);
      }
      if (date == null || cutOver == null || created == null) {
        return;
      }
      try {
        header = new SettlementHeader(f[2], f[3], date, cutOver, created);
      } catch (IllegalArgumentException e) {
        errors.add(number, e.getMessage());
      }
    }

    private void detail(int number, String[] f) {
      if (header == null) {
        return;
      }
      boolean reversal;
      switch (f[1]) {
        case SettlementFileWriter.ORIGINAL_MTI -> reversal = false;
        case SettlementFileWriter.REVERSAL_MTI -> reversal = true;
        default -> {
          errors.add(number, "field 2 (MTI): '" + shorten(f[1]) + "' is not 0200 or 0420");
          return;
        }
      }
      Stan stan = null;
      if (!digits(f[3], 6, 6)) {
        errors.add(number, "field 4 (STAN): '" + shorten(f[3]) + "' is not six digits");
      } else {
        try {
          stan = new Stan(Integer.parseInt(f[3]));
        } catch (IllegalArgumentException e) {
          errors.add(number, "field 4 (STAN): " + e.getMessage());
        }
      }
      if (!f[5].equals(header.terminalId())) {
        errors.add(
            number,
            "field 6 (terminal): "
                + shorten(f[5])
                + " is not the header's terminal "
                + header.terminalId());
      }
      LocalDate localDate = date(number, 7, "local date", f[6]);
      LocalTime localTime = null;
      try {
        localTime = time(f[7]);
      } catch (DateTimeParseException e) {
        errors.add(number, "field 8 (local time): '" + shorten(f[7]) + "' is not HHmmss");
      }
      Rials amount = rials(number, 10, "amount", f[9]);
      if (!Rials.ISO_NUMERIC_CODE.equals(f[10])) {
        errors.add(number, "field 11 (currency): '" + shorten(f[10]) + "' is not 364 (rial)");
      }
      Rials fee = rials(number, 13, "fee", f[12]);
      if (!digits(f[2], 6, 6)) {
        errors.add(number, "field 3 (processing code): '" + shorten(f[2]) + "' is not six digits");
      } else if (!SettlementTotals.isDebitClass(f[2].substring(0, 2))
          && !SettlementTotals.isCreditClass(f[2].substring(0, 2))) {
        errors.add(
            number,
            "field 3 (processing code): class "
                + f[2].substring(0, 2)
                + " moves no money and is never settled");
      }
      if (stan == null || localDate == null || localTime == null || amount == null || fee == null) {
        return;
      }
      try {
        SettlementRecord record =
            new SettlementRecord(
                header.businessDate(),
                localDate,
                localTime,
                stan,
                new Rrn(f[4]),
                f[5],
                f[8],
                f[2],
                amount,
                f[11],
                reversal,
                fee);
        sum.add(record);
        details.detail(number, record);
      } catch (IllegalArgumentException e) {
        errors.add(number, e.getMessage());
      }
    }

    private void subtotal(int number, String[] f) {
      Long items = whole(number, 3, "count", f[2]);
      Rials itemAmount = rials(number, 4, "amount", f[3]);
      Long reversals = whole(number, 5, "reversal count", f[4]);
      Rials reversalAmount = rials(number, 6, "reversal amount", f[5]);
      Rials fees = rials(number, 7, "fees", f[6]);
      if (!digits(f[1], 2, 2)) {
        errors.add(number, "field 2 (class): '" + shorten(f[1]) + "' is not two digits");
        return;
      }
      if (items == null
          || itemAmount == null
          || reversals == null
          || reversalAmount == null
          || fees == null) {
        return;
      }
      subtotals.add(
          new SettlementTotals.ClassTotal(
              f[1],
              new KindTotal(items, itemAmount),
              new KindTotal(reversals, reversalAmount),
              fees));
      subtotalLines.add(number);
    }

    CheckedFile finish(int lines, String sha256) throws SettlementFileRejected {
      if (trailer == null) {
        errors.add(lines, "the file ends without a trailer (T): it is truncated");
      }
      if (errors.any() || header == null) {
        throw errors.rejected();
      }
      SettlementTotals computed = sum.totals();
      tieSubtotals(computed);
      tieTrailer(computed);
      if (errors.any()) {
        throw errors.rejected();
      }
      return new CheckedFile(header, computed, sha256);
    }

    private void tieSubtotals(SettlementTotals computed) {
      List<SettlementTotals.ClassTotal> expected = computed.byClass();
      for (int i = 0; i < subtotals.size(); i++) {
        SettlementTotals.ClassTotal stated = subtotals.get(i);
        SettlementTotals.ClassTotal actual =
            expected.stream()
                .filter(c -> c.transactionClass().equals(stated.transactionClass()))
                .findFirst()
                .orElse(null);
        if (!stated.equals(actual)) {
          errors.add(
              subtotalLines.get(i),
              "subtotal of class "
                  + stated.transactionClass()
                  + " does not tie: stated "
                  + describe(stated)
                  + ", the details add up to "
                  + (actual == null ? "nothing" : describe(actual)));
        }
      }
      for (SettlementTotals.ClassTotal actual : expected) {
        if (subtotals.stream()
            .noneMatch(c -> c.transactionClass().equals(actual.transactionClass()))) {
          errors.add(
              trailerLine,
              "no subtotal line for class "
                  + actual.transactionClass()
                  + " ("
                  + describe(actual)
                  + ")");
        }
      }
    }

    private static String describe(SettlementTotals.ClassTotal c) {
      return c.items().count()
          + " items "
          + c.items().amount().value()
          + ", "
          + c.reversals().count()
          + " reversals "
          + c.reversals().amount().value()
          + ", fees "
          + c.fees().value();
    }

    private void tieTrailer(SettlementTotals computed) {
      String[] names = {
        "detail count",
        "debit count",
        "debit amount",
        "credit count",
        "credit amount",
        "reversal count",
        "reversal amount",
        "fee count",
        "fee amount",
        "net"
      };
      long[] actual = {
        computed.details(),
        computed.debits().count(),
        computed.debits().amount().value(),
        computed.credits().count(),
        computed.credits().amount().value(),
        computed.reversals().count(),
        computed.reversals().amount().value(),
        computed.fees().count(),
        computed.fees().amount().value(),
        computed.net().value()
      };
      for (int i = 0; i < names.length; i++) {
        String field = trailer[i + 1];
        boolean signed = i == names.length - 1;
        if (!(signed && field.startsWith("-")
            ? digits(field.substring(1), 1, 18)
            : digits(field, 1, 18))) {
          errors.add(
              trailerLine,
              "field " + (i + 2) + " (" + names[i] + "): '" + shorten(field) + "' is not a number");
        } else if (Long.parseLong(field) != actual[i]) {
          errors.add(
              trailerLine,
              "field "
                  + (i + 2)
                  + " ("
                  + names[i]
                  + "): the trailer says "
                  + field
                  + ", the details add up to "
                  + actual[i]);
        }
      }
    }

    private LocalDate date(int number, int field, String name, String text) {
      try {
        // Eight digits make the date themselves (what the formatter would check, some 20 times
        // faster: a million detail lines each have one); anything else goes to the formatter.
        if (digits(text, 8, 8)) {
          return LocalDate.of(
              Integer.parseInt(text, 0, 4, 10),
              Integer.parseInt(text, 4, 6, 10),
              Integer.parseInt(text, 6, 8, 10));
        }
        return LocalDate.parse(text, SettlementFileWriter.DATE);
      } catch (DateTimeException e) {
        notA(number, field, name, text, "Gregorian date yyyyMMdd");
        return null;
      }
    }

    /**
     * Reports that field {@code field} ({@code name}) of line {@code number} is not {@code what}.
     */
    private void notA(int number, int field, String name, String text, String what) {
      errors.add(
          number, "field " + field + " (" + name + "): '" + shorten(text) + "' is not a " + what);
    }

    private Rials rials(int number, int field, String name, String text) {
      Long value = whole(number, field, name, text);
      return value == null ? null : Rials.of(value);
    }

    private Long whole(int number, int field, String name, String text) {
      // Digits only: no sign, no grouping, no decimals, no Persian digits: rials are whole.
      if (!digits(text, 1, 18)) {
        notA(number, field, name, text, "whole number of up to 18 ASCII digits");
        return null;
      }
      return Long.parseLong(text);
    }
  }

  /** HHmmss: six digits of a valid time directly, anything else as the formatter reads it. */
  private static LocalTime time(String text) {
    if (digits(text, 6, 6)) {
      int hour = Integer.parseInt(text, 0, 2, 10);
      int minute = Integer.parseInt(text, 2, 4, 10);
      int second = Integer.parseInt(text, 4, 6, 10);
      if (hour < 24 && minute < 60 && second < 60) {
        return LocalTime.of(hour, minute, second);
      }
    }
    return LocalTime.parse(text, SettlementFileWriter.TIME);
  }

  /** Quotes at most 24 characters of the file back, so an error message stays a message. */
  private static String shorten(String text) {
    String visible = text.replaceAll("\\p{Cntrl}", "?");
    return visible.length() <= 24 ? visible : visible.substring(0, 24) + "…";
  }

  /** True when {@code text} is {@code min} to {@code max} ASCII digits (and nothing else). */
  static boolean digits(String text, int min, int max) {
    int length = text.length();
    if (length < min || length > max) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The line cut at every '|', empty fields kept: what {@code split("\\|", -1)} gives, faster. */
  static String[] fields(String line) {
    List<String> fields = new ArrayList<>(16);
    int start = 0;
    for (int bar = line.indexOf('|'); bar >= 0; bar = line.indexOf('|', start)) {
      fields.add(line.substring(start, bar));
      start = bar + 1;
    }
    fields.add(line.substring(start));
    return fields.toArray(new String[0]);
  }
}
