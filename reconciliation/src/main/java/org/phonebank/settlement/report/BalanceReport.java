// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.phonebank.money.Rials;
import org.phonebank.settlement.DifferenceKind;
import org.phonebank.settlement.KindTotal;
import org.phonebank.settlement.SettlementTotals;

/**
 * The balance (settlement) report of one reconciliation run of a business date (issue 13 item 6):
 * what the switch settled, by transaction class (items, reversals, fees), debits and credits,
 * reversals, fees and the net settlement position (docs/settlement-file.md, "T: trailer"), all as
 * the loaded detail lines add up; the proof that they tie to the switch's control totals, figure by
 * figure; and the run's count and amount per difference kind against the journal.
 *
 * @param settled what the run's loaded detail lines add up to
 * @param controls the trailer and subtotals as the switch stated them; empty for a file loaded
 *     before they were kept (then nothing can be proved)
 * @param differences count and amount per difference kind, every kind present
 */
public record BalanceReport(
    LocalDate businessDate,
    String terminalId,
    long runId,
    long fileId,
    SettlementTotals settled,
    Optional<SettlementTotals> controls,
    Map<DifferenceKind, KindTotal> differences) {

  public BalanceReport {
    Objects.requireNonNull(businessDate, "Business date is required.");
    Objects.requireNonNull(terminalId, "Terminal id is required.");
    Objects.requireNonNull(settled, "Settled totals are required.");
    Objects.requireNonNull(controls, "Control totals (or none) are required.");
    differences = Map.copyOf(Objects.requireNonNull(differences, "Differences are required."));
  }

  /**
   * Every figure of the trailer (detail count, debits, credits, reversals, fees, net) and of each
   * subtotal line (class NN items, reversals, fees) beside what the details add up to; a class
   * present on one side only is compared with zero. Empty when there are no control totals.
   */
  public List<ControlTie> ties() {
    if (controls.isEmpty()) {
      return List.of();
    }
    SettlementTotals stated = controls.get();
    List<ControlTie> ties = new ArrayList<>();
    ties.add(new ControlTie("detail count", stated.details(), settled.details()));
    tie(ties, "debits", stated.debits(), settled.debits());
    tie(ties, "credits", stated.credits(), settled.credits());
    tie(ties, "reversals", stated.reversals(), settled.reversals());
    tie(ties, "fees", stated.fees(), settled.fees());
    ties.add(new ControlTie("net", stated.net().value(), settled.net().value()));
    List<String> classes = new ArrayList<>();
    for (SettlementTotals totals : List.of(stated, settled)) {
      for (SettlementTotals.ClassTotal c : totals.byClass()) {
        if (!classes.contains(c.transactionClass())) {
          classes.add(c.transactionClass());
        }
      }
    }
    classes.sort(null);
    for (String type : classes) {
      SettlementTotals.ClassTotal s = classOf(stated, type);
      SettlementTotals.ClassTotal c = classOf(settled, type);
      tie(ties, "class " + type + " items", s.items(), c.items());
      tie(ties, "class " + type + " reversals", s.reversals(), c.reversals());
      ties.add(new ControlTie("class " + type + " fees", s.fees().value(), c.fees().value()));
    }
    return List.copyOf(ties);
  }

  /** True when there are control totals and every figure ties to them. */
  public boolean tiesToControlTotals() {
    List<ControlTie> ties = ties();
    return !ties.isEmpty() && ties.stream().allMatch(ControlTie::ties);
  }

  private static void tie(
      List<ControlTie> ties, String name, KindTotal stated, KindTotal computed) {
    ties.add(new ControlTie(name + " count", stated.count(), computed.count()));
    ties.add(new ControlTie(name + " amount", stated.amount().value(), computed.amount().value()));
  }

  private static SettlementTotals.ClassTotal classOf(SettlementTotals totals, String type) {
    return totals.byClass().stream()
        .filter(c -> c.transactionClass().equals(type))
        .findFirst()
        .orElseGet(
            () ->
                new SettlementTotals.ClassTotal(
                    type, KindTotal.NONE, KindTotal.NONE, Rials.zero()));
  }
}
