// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.phonebank.journal.BusinessDayEntry;

/**
 * Everything both sides hold under one match key: the unit a batch reads, classifies and writes, so
 * that a chunk boundary never splits what {@link Reconciler} must see together.
 */
public record MatchGroup(
    String sortKey, List<BusinessDayEntry> journal, List<SettlementRecord> settlement) {

  public MatchGroup {
    Objects.requireNonNull(sortKey, "Sort key is required.");
    journal = List.copyOf(journal);
    settlement = List.copyOf(settlement);
  }

  /**
   * The groups of {@code journal} and {@code settlement}, in key order, so the same inputs always
   * give the same sequence: a restart after the n-th group resumes at the same place. Journal
   * entries are keyed with their local date in {@code reconciler}'s zone.
   */
  public static List<MatchGroup> of(
      Reconciler reconciler, List<BusinessDayEntry> journal, List<SettlementRecord> settlement) {
    Map<String, List<BusinessDayEntry>> ours = new TreeMap<>();
    Map<String, List<SettlementRecord>> theirs = new TreeMap<>();
    for (BusinessDayEntry line : journal) {
      ours.computeIfAbsent(sortKey(reconciler.keyOf(line)), k -> new ArrayList<>()).add(line);
    }
    for (SettlementRecord record : settlement) {
      theirs.computeIfAbsent(sortKey(record.key()), k -> new ArrayList<>()).add(record);
    }
    TreeMap<String, MatchGroup> groups = new TreeMap<>();
    ours.forEach((key, lines) -> groups.put(key, new MatchGroup(key, lines, List.of())));
    theirs.forEach(
        (key, records) ->
            groups.merge(
                key,
                new MatchGroup(key, List.of(), records),
                (a, b) -> new MatchGroup(key, a.journal(), b.settlement())));
    List<MatchGroup> ordered = new ArrayList<>(groups.values());
    ordered.sort(Comparator.comparing(MatchGroup::sortKey));
    return ordered;
  }

  /** Terminal, local date, STAN, RRN: fixed widths, so string order is key order. */
  public static String sortKey(MatchKey key) {
    StringBuilder out = new StringBuilder(40).append(key.terminalId());
    while (out.length() < 8) {
      out.append(' ');
    }
    return out.append('|')
        .append(key.localDate())
        .append('|')
        .append(key.stan().digits())
        .append('|')
        .append(key.rrn().value())
        .toString();
  }
}
