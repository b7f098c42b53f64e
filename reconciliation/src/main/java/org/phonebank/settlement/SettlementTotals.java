// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.phonebank.money.Rials;

/**
 * The control totals of a business date's settled items, as the file's trailer states them and as
 * the details add up (DOMAIN §4 "Totals balancing"). Debits are transaction classes 00–19 (goods,
 * cash) and 40–59 (transfers, payments: the card is debited); credits 20–29; reversals (0420) are
 * counted apart whatever their class; fees are the switch's charge per item. The net settlement
 * position is debits − credits − reversals − fees: what the switch owes the bank for the date
 * (negative: what the bank owes).
 *
 * @param byClass one line per transaction class present, in class order
 */
public record SettlementTotals(
    long details,
    KindTotal debits,
    KindTotal credits,
    KindTotal reversals,
    KindTotal fees,
    Rials net,
    List<ClassTotal> byClass) {

  public SettlementTotals {
    Objects.requireNonNull(debits, "Debits are required.");
    Objects.requireNonNull(credits, "Credits are required.");
    Objects.requireNonNull(reversals, "Reversals are required.");
    Objects.requireNonNull(fees, "Fees are required.");
    Objects.requireNonNull(net, "Net is required.");
    byClass = List.copyOf(Objects.requireNonNull(byClass, "Class totals are required."));
  }

  /**
   * The totals of one transaction class: its items (not reversals), its reversals, and its fees.
   */
  public record ClassTotal(
      String transactionClass, KindTotal items, KindTotal reversals, Rials fees) {
    public ClassTotal {
      Objects.requireNonNull(transactionClass, "Transaction class is required.");
      Objects.requireNonNull(items, "Items are required.");
      Objects.requireNonNull(reversals, "Reversals are required.");
      Objects.requireNonNull(fees, "Fees are required.");
      if (!transactionClass.matches("[0-9]{2}")) {
        throw new IllegalArgumentException("A transaction class is two digits.");
      }
    }
  }

  /** True for the classes that debit the card: 00–19 and 40–59. */
  public static boolean isDebitClass(String transactionClass) {
    int value = Integer.parseInt(transactionClass);
    return value <= 19 || (value >= 40 && value <= 59);
  }

  /** True for the classes that credit the card: 20–29. */
  public static boolean isCreditClass(String transactionClass) {
    int value = Integer.parseInt(transactionClass);
    return value >= 20 && value <= 29;
  }

  /** What {@code records} add up to. */
  public static SettlementTotals of(List<SettlementRecord> records) {
    Sum sum = new Sum();
    records.forEach(sum::add);
    return sum.totals();
  }

  /**
   * Totals added up one record at a time, so a file's details need not all be held to be totalled.
   */
  public static final class Sum {
    private long details;
    private KindTotal debits = KindTotal.NONE;
    private KindTotal credits = KindTotal.NONE;
    private KindTotal reversals = KindTotal.NONE;
    private KindTotal fees = KindTotal.NONE;
    private final Map<String, ClassTotal> byClass = new TreeMap<>();

    public void add(SettlementRecord record) {
      details++;
      String type = record.transactionClass();
      ClassTotal before =
          byClass.getOrDefault(
              type, new ClassTotal(type, KindTotal.NONE, KindTotal.NONE, Rials.zero()));
      if (record.reversal()) {
        reversals = reversals.plus(record.amount());
        before =
            new ClassTotal(
                type, before.items(), before.reversals().plus(record.amount()), before.fees());
      } else {
        if (isDebitClass(type)) {
          debits = debits.plus(record.amount());
        } else if (isCreditClass(type)) {
          credits = credits.plus(record.amount());
        }
        before =
            new ClassTotal(
                type, before.items().plus(record.amount()), before.reversals(), before.fees());
      }
      if (record.fee().isPositive()) {
        fees = fees.plus(record.fee());
        before =
            new ClassTotal(
                type, before.items(), before.reversals(), before.fees().plus(record.fee()));
      }
      byClass.put(type, before);
    }

    public SettlementTotals totals() {
      Rials net =
          debits.amount().minus(credits.amount()).minus(reversals.amount()).minus(fees.amount());
      return new SettlementTotals(
          details, debits, credits, reversals, fees, net, new ArrayList<>(byClass.values()));
    }
  }
}
