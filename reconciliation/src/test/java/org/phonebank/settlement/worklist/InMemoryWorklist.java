// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.worklist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phonebank.settlement.DifferenceKind;

/** The worklist's store in memory, for the rules' tests: items as given, resolutions appended. */
final class InMemoryWorklist implements Worklist {

  private final Map<ItemId, WorkItem> items = new LinkedHashMap<>();
  private final List<Resolution> resolutions = new ArrayList<>();

  ItemId add(ItemId id, DifferenceKind kind, boolean runCompleted) {
    items.put(
        id,
        new WorkItem(
            id,
            LocalDate.of(2026, 5, 6),
            "IVR00001",
            kind,
            "612610000001/1/IVR00001/2026-05-06",
            1_000,
            Optional.of(7L),
            Optional.empty(),
            Optional.empty(),
            runCompleted,
            Optional.empty()));
    return id;
  }

  @Override
  public Optional<WorkItem> item(ItemId id) {
    WorkItem item = items.get(id);
    if (item == null) {
      return Optional.empty();
    }
    List<Resolution> history = resolutions(id);
    Optional<Resolution> latest =
        history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    return Optional.of(
        new WorkItem(
            id,
            item.businessDate(),
            item.terminalId(),
            item.kind(),
            item.matchKey(),
            item.amount(),
            item.journalId(),
            item.fileId(),
            item.lineNo(),
            item.runCompleted(),
            latest));
  }

  @Override
  public List<WorkItem> items(WorklistQuery query) {
    return items.keySet().stream()
        .map(id -> item(id).orElseThrow())
        .filter(item -> item.id().runId() == query.runId())
        .filter(query::admits)
        .skip(query.offset())
        .limit(query.limit())
        .toList();
  }

  @Override
  public List<Resolution> resolutions(ItemId id) {
    return resolutions.stream().filter(r -> r.item().equals(id)).toList();
  }

  @Override
  public boolean append(Resolution resolution) {
    if (resolutions(resolution.item()).stream().anyMatch(r -> r.seq() == resolution.seq())) {
      return false;
    }
    resolutions.add(resolution);
    return true;
  }

  @Override
  public Optional<ItemChain> chain(ItemId id) {
    return item(id)
        .map(
            item ->
                new ItemChain(
                    item,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    resolutions(id),
                    List.of()));
  }

  @Override
  public List<WorkItem> itemsOfJournalEntry(long journalId) {
    return items.keySet().stream()
        .map(id -> item(id).orElseThrow())
        .filter(item -> item.journalId().equals(Optional.of(journalId)))
        .toList();
  }
}
