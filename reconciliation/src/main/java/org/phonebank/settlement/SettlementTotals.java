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
    private final long[] debits = new long[2];
    private final long[] credits = new long[2];
    private final long[] reversals = new long[2];
    private final long[] fees = new long[2];
    // Per class: item count and amount, reversal count and amount, fees. Plain longs, not value
    // objects, because a file of a million lines passes through here.
    private final Map<String, long[]> byClass = new TreeMap<>();

    public void add(SettlementRecord record) {
      details++;
      String type = record.transactionClass();
      long[] sums = byClass.computeIfAbsent(type, t -> new long[5]);
      long amount = record.amount().value();
      if (record.reversal()) {
        plus(reversals, amount);
        sums[2]++;
        sums[3] = Math.addExact(sums[3], amount);
      } else {
        if (isDebitClass(type)) {
          plus(debits, amount);
        } else if (isCreditClass(type)) {
          plus(credits, amount);
        }
        sums[0]++;
        sums[1] = Math.addExact(sums[1], amount);
      }
      if (record.fee().isPositive()) {
        plus(fees, record.fee().value());
        sums[4] = Math.addExact(sums[4], record.fee().value());
      }
    }

    private static void plus(long[] total, long amount) {
      total[0]++;
      total[1] = Math.addExact(total[1], amount);
    }

    private static KindTotal total(long count, long amount) {
      return new KindTotal(count, Rials.of(amount));
    }

    public SettlementTotals totals() {
      KindTotal d = total(debits[0], debits[1]);
      KindTotal c = total(credits[0], credits[1]);
      KindTotal r = total(reversals[0], reversals[1]);
      KindTotal f = total(fees[0], fees[1]);
      Rials net = d.amount().minus(c.amount()).minus(r.amount()).minus(f.amount());
      List<ClassTotal> classes = new ArrayList<>();
      byClass.forEach(
          (type, sums) ->
              classes.add(
                  new ClassTotal(
                      type, total(sums[0], sums[1]), total(sums[2], sums[3]), Rials.of(sums[4]))));
      return new SettlementTotals(details, d, c, r, f, net, classes);
    }
  }
}
