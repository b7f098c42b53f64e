// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.worklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phonebank.settlement.DifferenceKind;

class ResolutionsTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-05-07T05:00:00Z"), ZoneOffset.UTC);

  private final InMemoryWorklist worklist = new InMemoryWorklist();
  private final Resolutions resolutions = new Resolutions(worklist, CLOCK);
  private final ItemId mismatch =
      worklist.add(new ItemId(1, 0, 0), DifferenceKind.AMOUNT_MISMATCH, true);

  private Resolutions.Refused refused(Resolutions.Outcome outcome, Resolutions.Refusal why) {
    Resolutions.Refused refused = assertInstanceOf(Resolutions.Refused.class, outcome);
    assertEquals(why, refused.refusal(), refused.message());
    assertTrue(worklist.resolutions(mismatch).size() <= 1, "nothing more stored");
    return refused;
  }

  @Test
  void anExceptionIsResolvedWithReasonNoteUserAndTime() {
    Resolutions.Resolved resolved =
        assertInstanceOf(
            Resolutions.Resolved.class,
            resolutions.resolve(mismatch, "write-off", "  One rial off: written off. ", "bo1", 0));
    Resolution resolution = resolved.resolution();
    assertEquals(ResolutionReason.WRITE_OFF, resolution.reason());
    assertEquals("One rial off: written off.", resolution.note().text());
    assertEquals("bo1", resolution.resolvedBy());
    assertEquals(CLOCK.instant(), resolution.resolvedAt());
    assertEquals(1, resolution.seq());
    assertEquals(WorkItemStatus.CLOSED, worklist.item(mismatch).orElseThrow().status());
  }

  @Test
  void chasingTheSwitchLeavesTheItemWaitingUntilALaterResolutionSupersedesIt() {
    resolutions.resolve(mismatch, "CHASE_SWITCH", "Asked the switch.", "bo1", 0);
    assertEquals(WorkItemStatus.CHASING, worklist.item(mismatch).orElseThrow().status());

    assertInstanceOf(
        Resolutions.Resolved.class,
        resolutions.resolve(mismatch, "ADJUST", "Switch confirmed; adjustment booked.", "bo2", 1));

    List<Resolution> history = worklist.resolutions(mismatch);
    assertEquals(2, history.size(), "the first is kept, not edited");
    assertEquals(ResolutionReason.CHASE_SWITCH, history.get(0).reason());
    assertTrue(history.get(1).supersedes());
    assertEquals(WorkItemStatus.CLOSED, worklist.item(mismatch).orElseThrow().status());
  }

  @Test
  void aSecondResolutionThatDoesNotNameTheLatestIsRefusedAndSaysWhoResolvedIt() {
    resolutions.resolve(mismatch, "WRITE_OFF", "Written off.", "bo1", 0);

    Resolutions.Refused refused =
        refused(
            resolutions.resolve(mismatch, "ADJUST", "Adjusted.", "bo2", 0),
            Resolutions.Refusal.CHANGED_MEANWHILE);
    assertTrue(refused.message().contains("bo1"), refused.message());
    assertTrue(refused.message().contains("supersede resolution 1"), refused.message());
    refused(
        resolutions.resolve(mismatch, "ADJUST", "Adjusted.", "bo2", 5),
        Resolutions.Refusal.CHANGED_MEANWHILE);
  }

  @Test
  void badInputIsRefusedWithAClearMessageAndNothingIsStored() {
    assertTrue(
        refused(
                resolutions.resolve(mismatch, "FORGIVE", "fine", "bo1", 0),
                Resolutions.Refusal.BAD_INPUT)
            .message()
            .contains("ADJUST, WRITE_OFF, CHASE_SWITCH, CARRIED_FORWARD"));
    refused(
        resolutions.resolve(mismatch, "x".repeat(33), "fine", "bo1", 0),
        Resolutions.Refusal.BAD_INPUT);
    refused(resolutions.resolve(mismatch, null, "fine", "bo1", 0), Resolutions.Refusal.BAD_INPUT);
    assertTrue(
        refused(
                resolutions.resolve(mismatch, "ADJUST", "<b>done</b>", "bo1", 0),
                Resolutions.Refusal.BAD_INPUT)
            .message()
            .contains("plain text"));
    assertTrue(
        refused(
                resolutions.resolve(mismatch, "ADJUST", "x".repeat(501), "bo1", 0),
                Resolutions.Refusal.BAD_INPUT)
            .message()
            .contains("500"));
    refused(
        resolutions.resolve(mismatch, "ADJUST", "   ", "bo1", 0), Resolutions.Refusal.BAD_INPUT);
    refused(
        resolutions.resolve(mismatch, "ADJUST", "bell\u0007", "bo1", 0),
        Resolutions.Refusal.BAD_INPUT);
    assertEquals(List.of(), worklist.resolutions(mismatch));
    assertInstanceOf(
        Resolutions.Resolved.class,
        resolutions.resolve(mismatch, "ADJUST", "x".repeat(500), "bo1", 0),
        "exactly 500 characters is allowed");
  }

  @Test
  void onlyAnExceptionOfACompletedRunIsResolved() {
    ItemId matched = worklist.add(new ItemId(1, 1, 0), DifferenceKind.MATCHED, true);
    ItemId carried =
        worklist.add(new ItemId(1, 2, 0), DifferenceKind.SETTLED_ON_ANOTHER_DATE, true);
    ItemId running = worklist.add(new ItemId(2, 0, 0), DifferenceKind.UNKNOWN_TO_US, false);

    for (ItemId id : List.of(matched, carried)) {
      assertEquals(
          Resolutions.Refusal.NOT_AN_EXCEPTION,
          assertInstanceOf(
                  Resolutions.Refused.class, resolutions.resolve(id, "ADJUST", "x", "bo1", 0))
              .refusal());
    }
    assertEquals(
        Resolutions.Refusal.RUN_NOT_COMPLETED,
        assertInstanceOf(
                Resolutions.Refused.class, resolutions.resolve(running, "ADJUST", "x", "bo1", 0))
            .refusal());
    assertEquals(
        Resolutions.Refusal.UNKNOWN_ITEM,
        assertInstanceOf(
                Resolutions.Refused.class,
                resolutions.resolve(new ItemId(9, 9, 9), "ADJUST", "x", "bo1", 0))
            .refusal());
    assertTrue(worklist.resolutions(running).isEmpty());
  }

  @Test
  void theWorklistListsExceptionsOnly() {
    worklist.add(new ItemId(1, 1, 0), DifferenceKind.MATCHED, true);
    assertEquals(
        List.of(mismatch),
        worklist.items(new WorklistQuery(1, Optional.empty(), Optional.empty(), 0, 10)).stream()
            .map(WorkItem::id)
            .toList());
  }

  @Test
  void itemIdsReadBackAsWrittenAndAnythingElseIsRefused() {
    assertEquals(new ItemId(12, 40, 0), ItemId.parse("12-40-0"));
    assertEquals("12-40-0", new ItemId(12, 40, 0).toString());
    for (String bad : new String[] {"", "12-40", "0-1-1", "a-b-c", "1-2-3-4", "1--2-3"}) {
      assertThrows(IllegalArgumentException.class, () -> ItemId.parse(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> ItemId.parse(null));
  }
}
