// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.phonebank.journal.BusinessDayEntry;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.TransactionType;

/**
 * Matches one terminal's journal with the switch's settlement records of one business date on RRN +
 * STAN + terminal + local date, then compares amount, processing code and business date, and
 * classifies every difference (DOMAIN §4). Only money movements are expected at the switch: balance
 * inquiries are never settled, so their entries are left out. A settled reversal cancels the
 * original with the same key.
 *
 * <p>Late presentments: the journal handed in may hold entries of neighbouring business dates too
 * (an entry's business date is field 15 of the switch's answer when it had one). Such an entry
 * found in this date's file is SETTLED_ON_ANOTHER_DATE when it agrees with the journal (carried
 * forward and matched here), and the difference it shows otherwise (a reversed or declined item
 * settled late is still reversed or declined but settled); one not found is left to its own date's
 * run, so nothing is flagged twice.
 */
public final class Reconciler {

  private final ZoneId localZone;
  private final Set<TransactionType> settledTypes;

  /**
   * A reconciler for the money movements of the domain; {@code localZone} is the zone of field 13.
   */
  public Reconciler(ZoneId localZone) {
    this(localZone, moneyMovements());
  }

  /** A reconciler that expects exactly {@code settledTypes} at the switch. */
  public Reconciler(ZoneId localZone, Set<TransactionType> settledTypes) {
    this.localZone = Objects.requireNonNull(localZone, "Local zone is required.");
    Objects.requireNonNull(settledTypes, "Settled types are required.");
    this.settledTypes =
        settledTypes.isEmpty()
            ? EnumSet.noneOf(TransactionType.class)
            : EnumSet.copyOf(settledTypes);
  }

  /** The transaction types that move money and so must appear in the settlement file. */
  public static Set<TransactionType> moneyMovements() {
    Set<TransactionType> types = EnumSet.noneOf(TransactionType.class);
    for (TransactionType type : TransactionType.values()) {
      if (TransactionClasses.settles(type)) {
        types.add(type);
      }
    }
    return types;
  }

  /**
   * Classifies {@code terminalId}'s journal against the switch's records for {@code businessDate}.
   * Records of other terminals or other business dates are not this run's business and are left
   * out.
   */
  public ReconciliationResult reconcile(
      LocalDate businessDate,
      String terminalId,
      List<BusinessDayEntry> journal,
      List<SettlementRecord> settlement) {
    Objects.requireNonNull(businessDate, "Business date is required.");
    Objects.requireNonNull(terminalId, "Terminal id is required.");
    List<ReconciliationItem> items = new ArrayList<>();
    Map<MatchKey, BusinessDayEntry> ours = new LinkedHashMap<>();
    for (BusinessDayEntry line : journal) {
      if (line.terminalId().equals(terminalId) && settledTypes.contains(line.entry().type())) {
        MatchKey key = keyOf(line);
        if (ours.putIfAbsent(key, line) != null && line.businessDate().equals(businessDate)) {
          items.add(new ReconciliationItem(DifferenceKind.DUPLICATE, key, line.entry(), null));
        }
      }
    }
    Map<MatchKey, SettlementRecord> originals = new LinkedHashMap<>();
    Map<MatchKey, SettlementRecord> reversals = new LinkedHashMap<>();
    for (SettlementRecord record : settlement) {
      if (record.terminalId().equals(terminalId) && record.businessDate().equals(businessDate)) {
        Map<MatchKey, SettlementRecord> side = record.reversal() ? reversals : originals;
        if (side.putIfAbsent(record.key(), record) != null) {
          items.add(new ReconciliationItem(DifferenceKind.DUPLICATE, record.key(), null, record));
        }
      }
    }
    ours.forEach(
        (key, line) -> {
          SettlementRecord original = originals.remove(key);
          SettlementRecord reversal = reversals.remove(key);
          if (line.businessDate().equals(businessDate)) {
            classify(key, line.entry(), original, reversal).ifPresent(items::add);
          } else if (original != null || reversal != null) {
            carriedForward(key, line.entry(), original, reversal).ifPresent(items::add);
          }
        });
    for (SettlementRecord record : originals.values()) {
      items.add(new ReconciliationItem(DifferenceKind.UNKNOWN_TO_US, record.key(), null, record));
    }
    for (SettlementRecord record : reversals.values()) {
      items.add(
          new ReconciliationItem(
              DifferenceKind.REVERSAL_WITHOUT_ORIGINAL, record.key(), null, record));
    }
    return new ReconciliationResult(items);
  }

  /** The match key of a journal entry: its local date is taken in this reconciler's zone. */
  public MatchKey keyOf(BusinessDayEntry line) {
    JournalEntry entry = line.entry();
    return new MatchKey(
        entry.ids().rrn(),
        entry.ids().stan(),
        line.terminalId(),
        entry.ids().transmittedAt().atZone(localZone).toLocalDate());
  }

  /**
   * An entry of another business date that the switch settled (or reversed) on this one. Only what
   * agrees with the journal is carried forward as SETTLED_ON_ANOTHER_DATE: a late presentment of an
   * approval, or the late reversal of an item we reversed (its original settled, and was flagged,
   * on its own date). Anything else is a difference in its own right, named as it would be on its
   * own date (a reversed, declined or re-priced item settled late is still reversed but settled,
   * declined but settled, an amount mismatch). An approval settled and reversed here moved nothing;
   * its own date's run already found it missing, so it is not flagged twice.
   */
  private static Optional<ReconciliationItem> carriedForward(
      MatchKey key, JournalEntry entry, SettlementRecord original, SettlementRecord reversal) {
    if (original == null) {
      return switch (entry.state()) {
        case REVERSED, REVERSING, TIMED_OUT, PENDING ->
            item(DifferenceKind.SETTLED_ON_ANOTHER_DATE, key, entry, reversal);
        case APPROVED, DECLINED, UNREACHABLE ->
            item(DifferenceKind.REVERSAL_WITHOUT_ORIGINAL, key, entry, reversal);
      };
    }
    return classify(key, entry, original, reversal)
        .flatMap(
            item ->
                switch (item.kind()) {
                  case MATCHED ->
                      item(DifferenceKind.SETTLED_ON_ANOTHER_DATE, key, entry, original);
                  case MISSING_AT_SWITCH -> Optional.empty();
                  default -> Optional.of(item);
                });
  }

  /** Empty when both sides agree that no money moved: nothing to report, nothing to total. */
  private static Optional<ReconciliationItem> classify(
      MatchKey key, JournalEntry entry, SettlementRecord original, SettlementRecord reversal) {
    if (original == null && reversal != null) {
      return item(DifferenceKind.REVERSAL_WITHOUT_ORIGINAL, key, entry, reversal);
    }
    boolean settled = original != null && reversal == null;
    return switch (entry.state()) {
      case APPROVED -> {
        if (!settled) {
          yield item(DifferenceKind.MISSING_AT_SWITCH, key, entry, null);
        }
        if (!original.amount().equals(entry.amount())) {
          yield item(DifferenceKind.AMOUNT_MISMATCH, key, entry, original);
        }
        yield TransactionClasses.of(entry.type()).equals(original.transactionClass())
            ? item(DifferenceKind.MATCHED, key, entry, original)
            : item(DifferenceKind.PROCESSING_CODE_MISMATCH, key, entry, original);
      }
      case DECLINED, UNREACHABLE ->
          settled
              ? item(DifferenceKind.DECLINED_BUT_SETTLED, key, entry, original)
              : Optional.empty();
      case REVERSING ->
          settled
              ? item(DifferenceKind.REVERSAL_QUEUED_BUT_SETTLED, key, entry, original)
              : Optional.empty();
      // Outcome unknown or reversed: the switch has (or is owed) a reversal, so it must not stay
      // settled.
      case TIMED_OUT, PENDING, REVERSED ->
          settled
              ? item(DifferenceKind.REVERSED_BUT_SETTLED, key, entry, original)
              : Optional.empty();
    };
  }

  private static Optional<ReconciliationItem> item(
      DifferenceKind kind, MatchKey key, JournalEntry entry, SettlementRecord record) {
    return Optional.of(new ReconciliationItem(kind, key, entry, record));
  }
}
