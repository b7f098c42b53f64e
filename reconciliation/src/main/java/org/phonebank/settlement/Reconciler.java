// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.TransactionType;

/**
 * Matches one terminal's journal with the switch's settlement records on RRN + STAN + terminal +
 * local date and classifies every difference. Only money movements are expected at the switch:
 * balance inquiries are never settled, so their entries are left out. A settled reversal cancels
 * the original with the same key. Journal entries carry no terminal id, so the caller says whose
 * journal it is; records of other terminals in the file are not this run's business and are left
 * out.
 *
 * <p>Not yet: processing-code and business-date comparison, carrying late presentments forward, and
 * totals against the file trailer.
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
      // No default branch: a new transaction type does not compile until someone decides whether it
      // settles.
      boolean settles =
          switch (type) {
            case TRANSFER, BILL_PAYMENT -> true;
            case BALANCE_INQUIRY, MINI_STATEMENT, HOLDER_NAME_INQUIRY, CARD_BLOCK, PIN_CHANGE ->
                false;
          };
      if (settles) {
        types.add(type);
      }
    }
    return types;
  }

  public ReconciliationResult reconcile(
      String terminalId, List<JournalEntry> journal, List<SettlementRecord> settlement) {
    Objects.requireNonNull(terminalId, "Terminal id is required.");
    List<ReconciliationItem> items = new ArrayList<>();
    Map<MatchKey, JournalEntry> ours = new LinkedHashMap<>();
    for (JournalEntry entry : journal) {
      if (settledTypes.contains(entry.type())) {
        MatchKey key = keyOf(terminalId, entry);
        if (ours.putIfAbsent(key, entry) != null) {
          items.add(new ReconciliationItem(DifferenceKind.DUPLICATE, key, entry, null));
        }
      }
    }
    Map<MatchKey, SettlementRecord> originals = new LinkedHashMap<>();
    Map<MatchKey, SettlementRecord> reversals = new LinkedHashMap<>();
    for (SettlementRecord record : settlement) {
      if (record.terminalId().equals(terminalId)) {
        Map<MatchKey, SettlementRecord> side = record.reversal() ? reversals : originals;
        if (side.putIfAbsent(record.key(), record) != null) {
          items.add(new ReconciliationItem(DifferenceKind.DUPLICATE, record.key(), null, record));
        }
      }
    }
    ours.forEach(
        (key, entry) ->
            classify(key, entry, originals.remove(key), reversals.remove(key))
                .ifPresent(items::add));
    for (SettlementRecord record : originals.values()) {
      items.add(new ReconciliationItem(DifferenceKind.UNKNOWN_TO_US, record.key(), null, record));
    }
    for (SettlementRecord record : reversals.values()) {
      items.add(new ReconciliationItem(DifferenceKind.UNKNOWN_TO_US, record.key(), null, record));
    }
    return new ReconciliationResult(items);
  }

  private MatchKey keyOf(String terminalId, JournalEntry entry) {
    return new MatchKey(
        entry.ids().rrn(),
        entry.ids().stan(),
        terminalId,
        entry.ids().transmittedAt().atZone(localZone).toLocalDate());
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
        yield original.amount().equals(entry.amount())
            ? item(DifferenceKind.MATCHED, key, entry, original)
            : item(DifferenceKind.AMOUNT_MISMATCH, key, entry, original);
      }
      case DECLINED, UNREACHABLE ->
          settled
              ? item(DifferenceKind.DECLINED_BUT_SETTLED, key, entry, original)
              : Optional.empty();
      // Outcome unknown or reversed: the switch has (or is owed) a reversal, so it must not stay
      // settled.
      case TIMED_OUT, PENDING, REVERSING, REVERSED ->
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
