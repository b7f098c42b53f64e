// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phonebank.card.CardFingerprint;
import org.phonebank.card.CardNumber;
import org.phonebank.escalation.EntryEnd;
import org.phonebank.escalation.Escalation;
import org.phonebank.escalation.EscalationReason;
import org.phonebank.escalation.EscalationSettings;
import org.phonebank.escalation.Escalations;
import org.phonebank.escalation.InMemoryEscalationStore;
import org.phonebank.escalation.OfficerLeg;
import org.phonebank.escalation.QueuedCall;
import org.phonebank.escalation.WaitState;
import org.phonebank.officer.audit.AuditAction;
import org.phonebank.officer.audit.AuditRecord;
import org.phonebank.officer.audit.AuditTrail;
import org.phonebank.testing.InMemoryCardLockouts;

class DeskTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final CardNumber CARD = new CardNumber("6037991234567893");
  private static final CardFingerprint FINGERPRINT = CardFingerprint.of(CARD, new byte[32]);

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final InMemoryEscalationStore store = new InMemoryEscalationStore();
  private final Escalations queues =
      new Escalations(
          EscalationSettings.from(
              key ->
                  Optional.ofNullable(
                      Map.of(
                              "phonebank.escalation.officers", "officer,other",
                              "phonebank.escalation.officer.officer.skills", "transfers:3",
                              "phonebank.escalation.officer.other.skills", "transfers:3",
                              "phonebank.escalation.wrap-up-after-call", "true")
                          .get(key))),
          store,
          clock,
          "node-1");
  private final Contexts contexts = new Contexts();
  private final InMemoryCardLockouts lockouts = new InMemoryCardLockouts();
  private final Audit audit = new Audit();
  private final List<String> released = new ArrayList<>();
  private final Desk desk =
      new Desk(
          Optional.of(queues),
          contexts,
          lockouts,
          audit,
          clock,
          (leg, why) -> released.add(leg.uuid() + " " + why));

  {
    queues.start();
  }

  /** A caller whose transfer was declined with 51, queued and rung at the first ready officer. */
  private QueuedCall declinedTransferCaller(String callId) {
    QueuedCall entry =
        queues.enqueue(
            new Escalation(
                callId,
                "fa",
                Optional.of(CARD.masked()),
                true,
                List.of("main-menu", "transfer", "transfer:declined-insufficient-funds"),
                EscalationReason.MONEY_MOVEMENT_FAILED,
                "transfer declined",
                List.of()));
    contexts.put(
        new CallerContext(
            entry.id(),
            callId,
            Optional.of(CARD.masked()),
            Optional.of(FINGERPRINT),
            "fa",
            true,
            List.of("main-menu", "transfer", "transfer:declined-insufficient-funds"),
            "money-movement-failed",
            "transfer declined",
            List.of(
                new SwitchRequestFacts(
                    "TRANSFER",
                    Optional.of(5_000_000L),
                    123,
                    "633410000123",
                    Optional.of("51"),
                    "DECLINED")),
            NOW));
    return entry;
  }

  @Test
  void anOfficerGoesReadyAcceptsTheOfferSeesTheCallerAndWritesTheCallUp() {
    assertEquals("READY", desk.setStatus("officer", "READY").status());
    QueuedCall caller = declinedTransferCaller("call-1");
    queues.status(caller.id());

    DeskView ringing = desk.view("officer");
    assertEquals("RESERVED", ringing.status());
    assertEquals(caller.id(), ringing.entryId());
    ScreenPop pop = desk.pop("officer", caller.id());
    assertEquals("603799******7893", pop.maskedCard());
    assertNull(pop.holderName());
    assertEquals("Persian", pop.language());
    assertEquals("Card-to-card transfer: declined insufficient funds", pop.path().get(2).words());
    ScreenPop.Request request = pop.switchRequests().get(0);
    assertEquals(123, request.stan());
    assertEquals("633410000123", request.rrn());
    assertEquals("Insufficient funds", request.meaning());
    assertEquals("موجودی کافی نیست", request.meaningPersian());
    assertFalse(pop.lockedOut());

    assertEquals("BUSY", desk.accept("officer", ringing.offerId()).status());
    assertEquals(
        new WaitState.Gone(org.phonebank.escalation.EntryStatus.CONNECTED),
        queues.status(caller.id()));
    queues.ended(caller.id(), EntryEnd.COMPLETED);
    contexts.answered.put("officer", caller.id());
    DeskView writing = desk.view("officer");
    assertEquals("WRAP_UP", writing.status());
    assertEquals(caller.id(), writing.entryId());

    assertEquals(
        "READY",
        desk.wrapUp("officer", caller.id(), "DECLINE_EXPLAINED", "Explained the 51.").status());
    assertEquals("DECLINE_EXPLAINED", contexts.wrapUps.get(caller.id()));
    assertEquals(
        List.of(
            AuditAction.STATUS, AuditAction.VIEW_CONTEXT, AuditAction.ACCEPT, AuditAction.WRAP_UP),
        audit.records.stream().map(AuditRecord::action).toList());
    assertEquals(Optional.of("603799******7893"), audit.records.get(1).maskedCard());
    assertEquals("officer", audit.records.get(1).actor());
  }

  @Test
  void anOfficerSeesOnlyTheCallerOfferedToThem() {
    desk.setStatus("officer", "READY");
    QueuedCall caller = declinedTransferCaller("call-1");
    queues.status(caller.id());

    DeskRefusal notOffered = assertThrows(DeskRefusal.class, () -> desk.pop("other", caller.id()));
    assertEquals(DeskRefusal.Kind.NOT_YOURS, notOffered.kind());
    long offer = desk.view("officer").offerId();
    assertEquals(
        DeskRefusal.Kind.CONFLICT,
        assertThrows(DeskRefusal.class, () -> desk.accept("other", offer)).kind());
    assertEquals(
        DeskRefusal.Kind.NOT_YOURS,
        assertThrows(DeskRefusal.class, () -> desk.view("mallory")).kind(),
        "a user who is not a configured officer has no desk");
    assertTrue(
        audit.records.stream().noneMatch(r -> r.action() == AuditAction.VIEW_CONTEXT),
        "a refused view is not a view");
  }

  @Test
  void aRefusalSendsTheCallerToTheNextReadyOfficer() {
    desk.setStatus("officer", "READY");
    desk.setStatus("other", "READY");
    QueuedCall caller = declinedTransferCaller("call-1");
    queues.status(caller.id());
    String first = desk.view("officer").offerId() != null ? "officer" : "other";
    String second = first.equals("officer") ? "other" : "officer";

    long offer = desk.view(first).offerId();
    assertEquals("READY", desk.refuse(first, offer).status());
    assertEquals(
        List.of(OfficerLeg.of(offer).uuid() + " REFUSED"),
        released,
        "the refused officer's phone stops ringing");
    queues.status(caller.id());
    assertEquals("RESERVED", desk.view(second).status());
    assertEquals(
        DeskRefusal.Kind.CONFLICT,
        assertThrows(DeskRefusal.class, () -> desk.accept(first, 999)).kind());
  }

  @Test
  void anOfficerTransfersTheCallerToAReadyColleagueWhoSeesTheTransferInThePath() {
    desk.setStatus("officer", "READY");
    QueuedCall caller = declinedTransferCaller("call-1");
    queues.status(caller.id());
    long answered = desk.view("officer").offerId();
    desk.accept("officer", answered);
    record Bad(String queue, String officer, DeskRefusal.Kind kind) {}
    for (Bad bad :
        List.of(
            new Bad("mortgages", null, DeskRefusal.Kind.NOT_FOUND),
            new Bad(null, "nobody", DeskRefusal.Kind.NOT_FOUND),
            new Bad(null, "other", DeskRefusal.Kind.CONFLICT),
            new Bad(null, null, DeskRefusal.Kind.BAD_INPUT),
            new Bad("general", "other", DeskRefusal.Kind.BAD_INPUT))) {
      assertEquals(
          bad.kind(),
          assertThrows(
                  DeskRefusal.class,
                  () -> desk.transfer("officer", caller.id(), bad.queue(), bad.officer()))
              .kind(),
          bad.toString());
    }
    assertEquals(
        DeskRefusal.Kind.NOT_YOURS,
        assertThrows(DeskRefusal.class, () -> desk.transfer("other", caller.id(), "general", null))
            .kind());
    assertEquals("BUSY", desk.view("officer").status(), "a refused transfer changes nothing");
    assertEquals(List.of(), released);

    desk.setStatus("other", "READY");
    assertEquals("WRAP_UP", desk.transfer("officer", caller.id(), null, "other").status());

    assertEquals(List.of(OfficerLeg.of(answered).uuid() + " TRANSFERRED"), released);
    assertEquals("RESERVED", desk.view("other").status());
    List<ScreenPop.Step> path = desk.pop("other", caller.id()).path();
    assertEquals(
        "Transferred by the officer: transfers to officer other",
        path.get(path.size() - 1).words());
    assertEquals(
        AuditAction.TRANSFER,
        audit.records.stream()
            .filter(r -> r.actor().equals("officer"))
            .reduce((a, b) -> b)
            .orElseThrow()
            .action());
    assertEquals(
        new TransferTargets(
            List.of("general", "cards", "transfers", "bills", "fraud"), List.of("other")),
        desk.transferTargets("officer"));
  }

  @Test
  void aNoteWithMarkupAnOverLongNoteAndAnUnknownCodeAreRefusedAndNothingIsStored() {
    desk.setStatus("officer", "READY");
    QueuedCall caller = declinedTransferCaller("call-1");
    queues.status(caller.id());
    desk.accept("officer", desk.view("officer").offerId());
    queues.ended(caller.id(), EntryEnd.COMPLETED);
    contexts.answered.put("officer", caller.id());

    for (String[] bad :
        new String[][] {
          {"RESOLVED", "<script>alert(1)</script>"},
          {"RESOLVED", "x".repeat(Desk.MAX_NOTE + 1)},
          {"RESOLVED", "bell\u0007"},
          {"NOT_A_CODE", "fine"}
        }) {
      DeskRefusal refusal =
          assertThrows(
              DeskRefusal.class, () -> desk.wrapUp("officer", caller.id(), bad[0], bad[1]));
      assertEquals(DeskRefusal.Kind.BAD_INPUT, refusal.kind());
      assertFalse(refusal.getMessage().contains("<script"), "the refusal never echoes the note");
    }
    assertTrue(contexts.wrapUps.isEmpty());
    assertEquals("WRAP_UP", desk.view("officer").status(), "still writing it up");
    assertEquals(
        DeskRefusal.Kind.BAD_INPUT,
        assertThrows(DeskRefusal.class, () -> desk.setStatus("officer", "BUSY")).kind());
  }

  @Test
  void theCardsOtherCallsOfTheLast30DaysComeWithTheirWrapUpAndTheLockout() {
    lockouts.wrongPin(CARD, 1);
    contexts.history.add(
        new PastContact(
            "call-0",
            NOW.minusSeconds(86_400),
            Optional.of("ESCALATED"),
            Optional.of("asked"),
            Optional.of("RESOLVED")));
    desk.setStatus("officer", "READY");
    QueuedCall caller = declinedTransferCaller("call-1");
    queues.status(caller.id());
    contexts.history.add(
        new PastContact("call-1", NOW, Optional.empty(), Optional.empty(), Optional.empty()));

    ScreenPop pop = desk.pop("officer", caller.id());
    assertTrue(pop.lockedOut());
    assertEquals(1, pop.history().size(), "this call itself is not history");
    assertEquals("Resolved", pop.history().get(0).wrapUpWords());
    assertEquals(NOW.minus(Desk.HISTORY), contexts.askedSince);
  }

  /** The desk's port over maps. */
  private static final class Contexts implements CustomerContexts {
    final Map<Long, CallerContext> contexts = new HashMap<>();
    final Map<String, Long> answered = new HashMap<>();
    final Map<Long, String> wrapUps = new HashMap<>();
    final List<PastContact> history = new ArrayList<>();
    Instant askedSince;

    void put(CallerContext context) {
      contexts.put(context.entryId(), context);
    }

    @Override
    public Optional<CallerContext> context(long entryId) {
      return Optional.ofNullable(contexts.get(entryId));
    }

    @Override
    public List<PastContact> history(CardFingerprint card, Instant since) {
      askedSince = since;
      return card.equals(FINGERPRINT) ? history : List.of();
    }

    @Override
    public Optional<Long> lastAnswered(String officerId) {
      return Optional.ofNullable(answered.get(officerId));
    }

    @Override
    public boolean wrapUp(
        long entryId, String officerId, WrapUpCode code, String note, Instant at) {
      return wrapUps.putIfAbsent(entryId, code.name()) == null;
    }
  }

  private static final class Audit implements AuditTrail {
    final List<AuditRecord> records = new ArrayList<>();

    @Override
    public void append(AuditRecord record) {
      records.add(record);
    }

    @Override
    public List<AuditRecord> newest(int limit) {
      List<AuditRecord> newest = new ArrayList<>(records);
      java.util.Collections.reverse(newest);
      return newest.stream().limit(limit).toList();
    }
  }
}
