// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.worklist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an exception leads to, for the back-office user deciding what to do: the switch's
 * settlement line, our journal entry, its reversal's store-and-forward attempts, the call it came
 * from, the item's resolutions (oldest first), and the items of the same entry or line in other
 * runs (the way back from a journal entry to its items). No card number or caller number is ever
 * held in clear: cards are masked 6 + 4, callers to their last four digits.
 */
public record ItemChain(
    WorkItem item,
    Optional<SettledLine> line,
    Optional<JournalFacts> entry,
    Optional<ReversalFacts> reversal,
    Optional<CallFacts> call,
    List<Resolution> resolutions,
    List<WorkItem> elsewhere) {

  public ItemChain {
    Objects.requireNonNull(item, "Item is required.");
    Objects.requireNonNull(line, "Line is required (empty when none).");
    Objects.requireNonNull(entry, "Entry is required (empty when none).");
    Objects.requireNonNull(reversal, "Reversal is required (empty when none).");
    Objects.requireNonNull(call, "Call is required (empty when none).");
    resolutions = List.copyOf(resolutions);
    elsewhere = List.copyOf(elsewhere);
  }

  /** A detail line of a loaded settlement file (docs/settlement-file.md, record D). */
  public record SettledLine(
      long fileId,
      int lineNo,
      String fileName,
      boolean reversal,
      String processingCode,
      int stan,
      String rrn,
      String terminalId,
      LocalDate localDate,
      String localTime,
      String maskedCard,
      long amount,
      String responseCode,
      long fee) {}

  /** A switch request as the journal holds it (times UTC). */
  public record JournalFacts(
      long id,
      String callId,
      String type,
      int stan,
      String rrn,
      String terminalId,
      Instant transmittedAt,
      String maskedCard,
      Optional<Long> amount,
      String state,
      Optional<String> responseCode,
      Optional<LocalDate> businessDate) {}

  /** The store-and-forward advice (reversal) of a journal entry, if it ever needed one. */
  public record ReversalFacts(
      String mti,
      String state,
      int attempts,
      Optional<Instant> lastAttemptAt,
      Optional<Instant> acknowledgedAt,
      Optional<String> responseCode,
      Optional<String> deadLetterReason,
      Optional<String> closedReason) {}

  /** The call a journal entry was made on. */
  public record CallFacts(
      String callId,
      Instant startedAt,
      Instant endedAt,
      Optional<String> maskedCaller,
      Optional<String> language,
      String ending,
      List<String> path) {

    public CallFacts {
      path = List.copyOf(path);
    }
  }
}
