// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.phonebank.banking.StatementLine;
import org.phonebank.money.Rials;

/**
 * A mini-statement in field 48 of a response: up to five 21-character lines, newest first, each the
 * posting date {@code yyyyMMdd} (Gregorian, the bank's local date), {@code C} (credit) or {@code D}
 * (debit), and the amount in rials as n12. Example: {@code 20261122D000000250000} is a debit of
 * 250,000 rials on 22 November 2026.
 */
final class StatementField {

  private static final int LINE = 21;
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private StatementField() {}

  /**
   * The lines of a statement field.
   *
   * @throws IllegalArgumentException when the field is not whole, well-formed lines
   */
  static List<StatementLine> parse(String field) {
    if (field == null || field.isEmpty()) {
      return List.of();
    }
    if (field.length() % LINE != 0) {
      throw new IllegalArgumentException(
          "Statement lines are 21 characters, field length " + field.length());
    }
    List<StatementLine> lines = new ArrayList<>();
    for (int at = 0; at < field.length(); at += LINE) {
      String line = field.substring(at, at + LINE);
      if (!line.matches("[0-9]{8}[CD][0-9]{12}")) {
        throw new IllegalArgumentException("Malformed statement line at offset " + at + ".");
      }
      try {
        lines.add(
            new StatementLine(
                LocalDate.parse(line.substring(0, 8), DATE),
                Rials.of(Long.parseLong(line.substring(9))),
                line.charAt(8) == 'C'
                    ? StatementLine.Direction.CREDIT
                    : StatementLine.Direction.DEBIT));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("Bad statement date at offset " + at + ".");
      }
    }
    return lines;
  }
}
