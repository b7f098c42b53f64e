// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every classified item of one reconciliation run, with count and amount per kind derived from
 * them.
 */
public record ReconciliationResult(List<ReconciliationItem> items) {

  public ReconciliationResult {
    items = List.copyOf(Objects.requireNonNull(items, "Items are required."));
  }

  public List<ReconciliationItem> items(DifferenceKind kind) {
    return items.stream().filter(item -> item.kind() == kind).toList();
  }

  public KindTotal total(DifferenceKind kind) {
    KindTotal total = KindTotal.NONE;
    for (ReconciliationItem item : items(kind)) {
      total = total.plus(item.amount());
    }
    return total;
  }

  /** Count and amount for every kind, including the kinds with no items. */
  public Map<DifferenceKind, KindTotal> totals() {
    Map<DifferenceKind, KindTotal> totals = new EnumMap<>(DifferenceKind.class);
    for (DifferenceKind kind : DifferenceKind.values()) {
      totals.put(kind, total(kind));
    }
    return totals;
  }

  /** True when nothing needs a person: every item matched, here or on another date. */
  public boolean isClean() {
    return items.stream().noneMatch(item -> item.kind().isException());
  }
}
