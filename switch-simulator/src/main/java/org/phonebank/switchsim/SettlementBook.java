// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jpos.iso.ISOMsg;
import org.phonebank.banking.BusinessCalendar;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.card.CardNumber;
import org.phonebank.money.Rials;
import org.phonebank.settlement.SettlementRecord;
import org.phonebank.settlement.file.SettlementFileWriter;
import org.phonebank.settlement.file.SettlementHeader;

/**
 * What the switch settled, item by item, as its ledger posted it: every approved 0200 that moved
 * money, and every 0420 that undid one, each under the business date current when the switch did it
 * (cut-over in the bank's zone). From it the simulator writes its settlement file for a date and
 * terminal (docs/settlement-file.md), so the file holds what the switch really did, including items
 * whose answers the phone bank never received.
 */
final class SettlementBook {

  static final String SWITCH_ID = "603799";
  private static final DateTimeFormatter MMDD = DateTimeFormatter.ofPattern("MMdd");
  private static final DateTimeFormatter HHMMSS = DateTimeFormatter.ofPattern("HHmmss");
  private static final Rials MISPRICED_BY = Rials.of(1_000);

  private final BusinessCalendar calendar;
  private final Clock clock;
  private final List<SettlementRecord> records = new ArrayList<>();
  private final Map<String, SettlementRecord> originals = new HashMap<>();

  SettlementBook(BusinessCalendar calendar, Clock clock) {
    this.calendar = Objects.requireNonNull(calendar, "Business calendar is required.");
    this.clock = Objects.requireNonNull(clock, "Clock is required.");
  }

  /** The business date now: what field 15 of an answer carries. */
  LocalDate businessDate() {
    return calendar.businessDateOf(clock.instant());
  }

  /** Field 15 (MMDD) for an answer sent now. */
  String settlementDateField() {
    return MMDD.format(businessDate());
  }

  /** Field 15 (MMDD) of the business date before this one: a cut-over race's answer. */
  String previousSettlementDateField() {
    return MMDD.format(businessDate().minusDays(1));
  }

  /**
   * Books an approved 0200 that the ledger posted under {@code key}, as the clearing's {@code
   * fault} has it (docs/settlement-file.md "Faults that make every difference").
   */
  synchronized void settled(ISOMsg request, String key, ClearingFaults.Movement fault) {
    ZonedDateTime now = clock.instant().atZone(calendar.zone());
    String processingCode = request.getString(3);
    Rials amount = Rials.of(Long.parseLong(request.getString(4)));
    if (fault == ClearingFaults.Movement.AMOUNT) {
      amount = amount.plus(MISPRICED_BY);
    } else if (fault == ClearingFaults.Movement.CLASS) {
      processingCode =
          (processingCode.startsWith("40") ? "50" : "40") + processingCode.substring(2);
    }
    SettlementRecord record =
        new SettlementRecord(
            businessDate(),
            localDate(request.getString(13), now),
            localTime(request.getString(12), now),
            new Stan(Integer.parseInt(request.getString(11))),
            new Rrn(request.getString(37)),
            request.getString(41),
            CardNumber.isValid(request.getString(2))
                ? new CardNumber(request.getString(2)).masked()
                : "******",
            processingCode,
            amount,
            "00",
            false,
            Rials.zero());
    if (fault == ClearingFaults.Movement.UNSETTLED) {
      return;
    }
    originals.put(key, record);
    records.add(record);
    if (fault == ClearingFaults.Movement.TWICE) {
      records.add(record);
    } else if (fault == ClearingFaults.Movement.PHANTOM) {
      // Another acquirer's item booked to this terminal: a STAN and RRN the terminal never used.
      records.add(
          new SettlementRecord(
              record.businessDate(),
              record.localDate(),
              record.localTime(),
              new Stan(
                  record.stan().value() <= 500_000
                      ? record.stan().value() + 500_000
                      : record.stan().value() - 499_999),
              new Rrn("P" + record.rrn().value().substring(1)),
              record.terminalId(),
              record.maskedCard(),
              record.processingCode(),
              record.amount(),
              "00",
              false,
              Rials.zero()));
    }
  }

  /**
   * Books the reversal of the item posted under {@code key}, if the book has it, as the clearing's
   * {@code fault} has it: KEEP_SETTLED books nothing (the original stays settled), ORPHAN books the
   * reversal and drops the original.
   */
  synchronized void reversed(String key, ClearingFaults.Reversal fault) {
    SettlementRecord original = originals.get(key);
    if (original == null || fault == ClearingFaults.Reversal.KEEP_SETTLED) {
      return;
    }
    if (fault == ClearingFaults.Reversal.ORPHAN) {
      records.remove(original);
    }
    records.add(
        new SettlementRecord(
            businessDate(),
            original.localDate(),
            original.localTime(),
            original.stan(),
            original.rrn(),
            original.terminalId(),
            original.maskedCard(),
            original.processingCode(),
            original.amount(),
            "00",
            true,
            Rials.zero()));
  }

  /** The settlement file of {@code terminal} for {@code businessDate}, in booking order. */
  synchronized byte[] file(LocalDate businessDate, String terminal) {
    List<SettlementRecord> day =
        records.stream()
            .filter(r -> r.businessDate().equals(businessDate) && r.terminalId().equals(terminal))
            .toList();
    return SettlementFileWriter.write(
        new SettlementHeader(
            SWITCH_ID, terminal, businessDate, calendar.cutOver(), clock.instant()),
        day);
  }

  /** Field 13 carries no year: the year is the one that puts the date nearest to now. */
  private static LocalDate localDate(String mmdd, ZonedDateTime now) {
    if (mmdd == null || !mmdd.matches("[0-9]{4}")) {
      return now.toLocalDate();
    }
    MonthDay day = MonthDay.parse(mmdd, MMDD);
    LocalDate candidate = day.atYear(now.getYear());
    if (candidate.isAfter(now.toLocalDate().plusMonths(6))) {
      return candidate.minusYears(1);
    }
    if (candidate.isBefore(now.toLocalDate().minusMonths(6))) {
      return candidate.plusYears(1);
    }
    return candidate;
  }

  private static LocalTime localTime(String hhmmss, ZonedDateTime now) {
    if (hhmmss == null || !hhmmss.matches("[0-9]{6}")) {
      return now.toLocalTime().withNano(0);
    }
    return LocalTime.parse(hhmmss, HHMMSS);
  }
}
