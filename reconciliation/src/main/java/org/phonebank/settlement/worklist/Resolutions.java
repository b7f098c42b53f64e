// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.worklist;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The worklist's rules for resolving an exception (docs/back-office.md):
 *
 * <ul>
 *   <li>only an exception (not MATCHED, not SETTLED_ON_ANOTHER_DATE) of a completed run is
 *       resolved;
 *   <li>a resolution has a reason from {@link ResolutionReason} and a plain-text {@link
 *       ResolutionNote}, and is recorded with who and when;
 *   <li>resolutions are append-only. A second resolution of the same item is recorded as a
 *       superseding entry, and only when it says which entry it follows: the user must have seen
 *       the item's latest resolution. A resolution based on an older view (another user resolved it
 *       meanwhile) is refused and nothing is stored.
 * </ul>
 */
public final class Resolutions {

  /** Why a resolution was not recorded. */
  public enum Refusal {
    /** The reason or note is not acceptable; the message says why. */
    BAD_INPUT,
    /** No such item. */
    UNKNOWN_ITEM,
    /** The item needs no one: it matched, or was carried from another date. */
    NOT_AN_EXCEPTION,
    /** The run is still writing items. */
    RUN_NOT_COMPLETED,
    /** The item's resolutions are not the ones the user saw. */
    CHANGED_MEANWHILE
  }

  /** What {@link #resolve} did. */
  public sealed interface Outcome {}

  /** Recorded. */
  public record Resolved(Resolution resolution) implements Outcome {}

  /** Not recorded, and why. */
  public record Refused(Refusal refusal, String message) implements Outcome {}

  private final Worklist worklist;
  private final Clock clock;

  public Resolutions(Worklist worklist, Clock clock) {
    this.worklist = Objects.requireNonNull(worklist, "Worklist is required.");
    this.clock = Objects.requireNonNull(clock, "Clock is required.");
  }

  /**
   * Resolves {@code id} in {@code user}'s name.
   *
   * @param reason a {@link ResolutionReason} name, any case
   * @param note the user's plain-text note, see {@link ResolutionNote}
   * @param follows how many resolutions the item had when the user looked: 0 for a first one
   */
  public Outcome resolve(ItemId id, String reason, String note, String user, int follows) {
    Objects.requireNonNull(id, "Item id is required.");
    ResolutionReason why;
    ResolutionNote text;
    try {
      why = reason(reason);
      text = new ResolutionNote(note == null ? "" : note);
    } catch (IllegalArgumentException bad) {
      return new Refused(Refusal.BAD_INPUT, bad.getMessage());
    }
    Optional<WorkItem> found = worklist.item(id);
    if (found.isEmpty()) {
      return new Refused(Refusal.UNKNOWN_ITEM, "There is no item " + id + ".");
    }
    WorkItem item = found.get();
    if (!item.kind().isException()) {
      return new Refused(
          Refusal.NOT_AN_EXCEPTION, "Item " + id + " is " + item.kind() + ": nothing to resolve.");
    }
    if (!item.runCompleted()) {
      return new Refused(
          Refusal.RUN_NOT_COMPLETED,
          "Run " + id.runId() + " is still going: resolve its items once it has completed.");
    }
    if (follows != item.resolutions()) {
      return new Refused(Refusal.CHANGED_MEANWHILE, changed(item));
    }
    Resolution resolution = new Resolution(id, follows + 1, why, text, user, clock.instant());
    if (!worklist.append(resolution)) {
      return new Refused(Refusal.CHANGED_MEANWHILE, changed(worklist.item(id).orElseThrow()));
    }
    return new Resolved(resolution);
  }

  private static String changed(WorkItem item) {
    return item.latest()
        .map(
            latest ->
                "Item "
                    + item.id()
                    + " was resolved by "
                    + latest.resolvedBy()
                    + " at "
                    + latest.resolvedAt()
                    + " ("
                    + latest.reason()
                    + "); reload it and, to change that, supersede resolution "
                    + latest.seq()
                    + ".")
        .orElse("Item " + item.id() + " has no resolution yet: reload it.");
  }

  private static ResolutionReason reason(String name) {
    if (name == null || name.isBlank() || name.length() > 32) {
      throw new IllegalArgumentException(reasons());
    }
    try {
      return ResolutionReason.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException(reasons());
    }
  }

  private static String reasons() {
    return "A reason is one of ADJUST, WRITE_OFF, CHASE_SWITCH, CARRIED_FORWARD.";
  }
}
