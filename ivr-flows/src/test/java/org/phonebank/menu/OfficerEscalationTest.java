// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phonebank.call.CallFixture.CARD;
import static org.phonebank.call.CallFixture.NOW;
import static org.phonebank.call.CallFixture.OTHER_CARD;
import static org.phonebank.call.CallFixture.PIN;
import static org.phonebank.call.CallFixture.approved;
import static org.phonebank.call.CallFixture.approvedWithName;
import static org.phonebank.call.CallFixture.declined;
import static org.phonebank.call.CallFixture.phone;
import static org.phonebank.call.CallFixture.say;
import static org.phonebank.call.ScriptedPhone.HANG_UP;
import static org.phonebank.call.ScriptedPhone.NO_INPUT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.call.BridgeOutcome;
import org.phonebank.call.CallFixture;
import org.phonebank.call.CallerHungUp;
import org.phonebank.call.IvrSettings;
import org.phonebank.call.PhoneBankingCall;
import org.phonebank.call.ScriptedPhone;
import org.phonebank.call.ScriptedSwitch;
import org.phonebank.call.SecretEntry;
import org.phonebank.callpath.CallPath;
import org.phonebank.escalation.EntryEnd;
import org.phonebank.escalation.EntryStatus;
import org.phonebank.escalation.EscalationSettings;
import org.phonebank.escalation.Escalations;
import org.phonebank.escalation.InMemoryEscalationStore;
import org.phonebank.escalation.OfferFacts;
import org.phonebank.escalation.OfferResult;
import org.phonebank.escalation.OfficerLegs;
import org.phonebank.escalation.OfficerStatus;
import org.phonebank.escalation.QueuedCall;
import org.phonebank.escalation.TransferOutcome;
import org.phonebank.escalation.TransferTarget;
import org.phonebank.escalation.WaitState;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;

/** The ways to an officer through the phone bank's own queues, with scripted officers' phones. */
class OfficerEscalationTest {

  private static final Language EN = Language.ENGLISH;

  private final CallFixture fixture = new CallFixture();
  private final InMemoryEscalationStore store = new InMemoryEscalationStore();
  private final Escalations queues =
      new Escalations(settings(), store, Clock.fixed(NOW, ZoneOffset.UTC), "node-1");

  OfficerEscalationTest() {
    queues.start();
  }

  /** t1, t2: transfers specialists who also take general calls; f1: fraud. */
  private static EscalationSettings settings() {
    Map<String, String> keys =
        Map.of(
            "phonebank.escalation.officers", "t1,t2,f1",
            "phonebank.escalation.officer.t1.skills", "transfers:4,general:2",
            "phonebank.escalation.officer.t2.skills", "transfers:3,general:2",
            "phonebank.escalation.officer.f1.skills", "fraud:4");
    return EscalationSettings.from(key -> Optional.ofNullable(keys.get(key)));
  }

  private CallPath call(ScriptedSwitch bank, ScriptedPhone phone) {
    return new PhoneBankingCall(fixture.services(bank, queues), IvrSettings.defaults()).run(phone);
  }

  private QueuedCall onlyEntry() {
    List<QueuedCall> all =
        LongStream.rangeClosed(1, 10).mapToObj(store::entry).flatMap(Optional::stream).toList();
    assertEquals(1, all.size(), "one queue entry");
    return all.get(0);
  }

  @Test
  void aCallerWhoPressesZeroAfterADeclinedTransferHearsAPositionAndReachesTheSecondOfficer() {
    ScriptedSwitch bank =
        new ScriptedSwitch(
            approved(900),
            approvedWithName("Ali"),
            declined(DeclineReason.INSUFFICIENT_FUNDS, "51"));
    ScriptedPhone phone =
        phone("2", CARD, PIN, "3", "2", OTHER_CARD, "5000000", "1", "0", NO_INPUT)
            .officersWill(BridgeOutcome.NO_ANSWER, BridgeOutcome.TALKED);
    String hold = say(Phrase.HOLD_FOR_OFFICER, EN) + " [en/" + OfficerWait.HOLD_MUSIC + "]";
    phone.onQuestion(
        heard -> {
          if (heard.endsWith(hold)) {
            // Both officers come to work while the caller holds; t1 has been idle longer.
            queues.setStatus("t1", OfficerStatus.READY);
            queues.setStatus("t2", OfficerStatus.READY);
          }
        });

    CallPath path = call(bank, phone);

    assertTrue(
        phone
            .transcript()
            .contains(
                "You are caller number one Your estimated wait is about three minutes. " + hold),
        phone.transcript().toString());
    assertEquals(List.of("user/t1", "user/t2"), phone.bridged());
    assertTrue(phone.hungUp(), "the phone bank ends the call after the officer's conversation");
    assertEquals("transfers", onlyEntry().queue());
    assertEquals(EntryStatus.ENDED, onlyEntry().status());
    assertEquals(1, queues.officer("t1").orElseThrow().missesInRow());
    assertEquals(OfficerStatus.READY, queues.officer("t2").orElseThrow().status());
    assertTrue(
        path.steps().containsAll(List.of("officer-queue:money-movement-failed", "officer:talked")));
  }

  @Test
  void holdMusicPlaysEveryStretchOfHoldAndThePositionOnlyEveryAnnounceInterval() {
    ScriptedPhone phone = phone("2", CARD, PIN, "0", NO_INPUT, NO_INPUT, HANG_UP);

    assertThrows(CallerHungUp.class, () -> call(new ScriptedSwitch(approved(900)), phone));

    String music = "[en/" + OfficerWait.HOLD_MUSIC + "]";
    List<String> heard = phone.transcript();
    int announced =
        heard.indexOf(
            "You are caller number one Your estimated wait is about three minutes. "
                + say(Phrase.HOLD_FOR_OFFICER, EN)
                + " "
                + music);
    assertTrue(announced >= 0, heard.toString());
    // The clock stands still: the next stretches, within the announce interval, are music alone.
    assertEquals(List.of(music, music), heard.subList(announced + 1, announced + 3));
  }

  @Test
  void aCallerWhoChoosesACallbackConfirmsTheCallerIdAndKeepsTheirPlace() {
    ScriptedSwitch bank = new ScriptedSwitch(approved(900));
    ScriptedPhone phone = phone("2", CARD, PIN, "0", "1", "1").withCallerNumber("09121234567");

    call(bank, phone);

    QueuedCall entry = onlyEntry();
    // Kept sealed: collected digits never reach the store in clear.
    String kept = entry.callbackNumber().orElseThrow();
    assertTrue(kept.startsWith("v1:") && !kept.contains("09121234567"), kept);
    assertEquals("general", entry.queue());
    assertInstanceOf(WaitState.Waiting.class, queues.status(entry.id()));
    List<String> heard = phone.transcript();
    assertEquals(say(Phrase.CALLBACK_REGISTERED, EN), heard.get(heard.size() - 2));
    assertEquals(say(Phrase.GOODBYE, EN), heard.get(heard.size() - 1));
  }

  @Test
  void aCallerWhoHangsUpDuringTheThanksKeepsTheirCallback() {
    ScriptedSwitch bank = new ScriptedSwitch(approved(900));
    ScriptedPhone phone =
        phone("2", CARD, PIN, "0", "1", "1")
            .withCallerNumber("09121234567")
            .hangsUpDuring(say(Phrase.CALLBACK_REGISTERED, EN));

    assertThrows(CallerHungUp.class, () -> call(bank, phone));

    QueuedCall entry = onlyEntry();
    assertTrue(entry.callbackNumber().isPresent());
    assertInstanceOf(WaitState.Waiting.class, queues.status(entry.id()));
  }

  @Test
  void aCallbackNumberThatIsNotAPhoneNumberIsExplainedAndAskedAgain() {
    ScriptedSwitch bank = new ScriptedSwitch(approved(900));
    ScriptedPhone phone = phone("2", CARD, PIN, "0", "1", "12", "02188776655");

    call(bank, phone);

    assertTrue(onlyEntry().callbackNumber().isPresent());
    assertTrue(phone.transcript().contains(say(Phrase.CALLBACK_NUMBER_NOT_VALID, EN)));
    // Both numbers were keyed as secrets (never left in a channel variable) and wiped after use.
    List<SecretEntry> secrets = phone.secretsHandedOut();
    for (SecretEntry keyed : secrets.subList(secrets.size() - 2, secrets.size())) {
      assertEquals(new String(new char[keyed.keys().length]), new String(keyed.keys()));
    }
    assertEquals(
        List.of(2, 11),
        secrets.subList(secrets.size() - 2, secrets.size()).stream()
            .map(keyed -> keyed.keys().length)
            .toList());
  }

  @Test
  void aStolenCardGoesToFraudAheadOfEveryone() {
    queues.setStatus("f1", OfficerStatus.READY);
    ScriptedSwitch bank = new ScriptedSwitch(approved(1), new SwitchOutcome.Approved("B10CK1"));
    ScriptedPhone phone =
        phone("2", CARD, PIN, "5", "2", "1", "0").officersWill(BridgeOutcome.TALKED);

    call(bank, phone);

    assertEquals(List.of("user/f1"), phone.bridged());
    assertEquals("fraud", onlyEntry().queue());
    assertEquals(9, onlyEntry().priority());
  }

  @Test
  void aCallerWhoHangsUpWhileTheOfficerRingsIsAbandonedWithoutCountingTheOfficerAMiss() {
    queues.setStatus("t1", OfficerStatus.READY);
    ScriptedSwitch bank = new ScriptedSwitch(approved(900));
    ScriptedPhone phone = phone("2", CARD, PIN, "0").officersWill(BridgeOutcome.CALLER_LEFT);
    PhoneBankingCall flow =
        new PhoneBankingCall(fixture.services(bank, queues), IvrSettings.defaults());

    assertThrows(CallerHungUp.class, () -> flow.handle(phone));

    assertEquals(EntryEnd.ABANDONED, store.endOf(onlyEntry().id()).orElseThrow());
    assertEquals(0, queues.officer("t1").orElseThrow().missesInRow());
    assertEquals(OfficerStatus.READY, queues.officer("t1").orElseThrow().status());
  }

  @Test
  void aCallerWhoHangsUpWhileHoldingIsRecordedAsAbandoned() {
    ScriptedSwitch bank = new ScriptedSwitch(approved(900));
    ScriptedPhone phone = phone("2", CARD, PIN, "0", NO_INPUT, HANG_UP);
    PhoneBankingCall flow =
        new PhoneBankingCall(fixture.services(bank, queues), IvrSettings.defaults());

    assertThrows(CallerHungUp.class, () -> flow.handle(phone));

    assertEquals(EntryEnd.ABANDONED, store.endOf(onlyEntry().id()).orElseThrow());
  }

  /** A clock the test moves on, as time passes during a conversation. */
  private static final class MovingClock extends Clock {
    private Instant now = NOW;

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void anOfficerWhoAnswersOnThePhoneIsTalkingBeforeTheConversationEndsNotMissedAtTheRingDeadline() {
    MovingClock clock = new MovingClock();
    Escalations moving = new Escalations(settings(), store, clock, "node-1");
    moving.setStatus("t1", OfficerStatus.READY);
    ScriptedSwitch bank = new ScriptedSwitch(approved(900));
    ScriptedPhone phone = phone("2", CARD, PIN, "0").officersWill(BridgeOutcome.TALKED);
    phone.duringConversation(
        () -> {
          // The officer never pressed Accept on the desk; the call goes on past the ring
          // deadline, and another node's routing round runs meanwhile.
          assertEquals(OfficerStatus.BUSY, moving.officer("t1").orElseThrow().status());
          assertEquals(EntryStatus.CONNECTED, onlyEntry().status());
          clock.advance(Duration.ofMinutes(5));
          moving.dispatch();
        });

    new PhoneBankingCall(fixture.services(bank, moving), IvrSettings.defaults()).run(phone);

    List<OfferFacts> offers = store.offerFacts(NOW, NOW.plus(Duration.ofHours(1)));
    assertEquals(1, offers.size());
    assertEquals(Optional.of(OfferResult.ANSWERED), offers.get(0).result());
    assertEquals(0, moving.officer("t1").orElseThrow().missesInRow());
    assertEquals(EntryEnd.COMPLETED, store.endOf(onlyEntry().id()).orElseThrow());
  }

  @Test
  void aCallerTransferredByTheirOfficerGoesBackToHoldAndRingsTheNamedColleague() {
    queues.setStatus("t1", OfficerStatus.READY);
    ScriptedPhone phone =
        phone("2", CARD, PIN, "0").officersWill(BridgeOutcome.TALKED, BridgeOutcome.TALKED);
    boolean[] transferred = {false};
    phone.duringConversation(
        () -> {
          if (!transferred[0]) {
            // t1 transfers on the console; their leg ends and the bridge returns TALKED.
            transferred[0] = true;
            queues.setStatus("t2", OfficerStatus.READY);
            assertInstanceOf(
                TransferOutcome.Transferred.class,
                queues
                    .transfers(OfficerLegs.NONE)
                    .transfer("t1", onlyEntry().id(), new TransferTarget.ToOfficer("t2")));
          }
        });

    CallPath path = call(new ScriptedSwitch(approved(900)), phone);

    assertEquals(List.of("user/t1", "user/t2"), phone.bridged());
    assertEquals(EntryEnd.COMPLETED, store.endOf(onlyEntry().id()).orElseThrow());
    assertEquals(OfficerStatus.WRAP_UP, queues.officer("t1").orElseThrow().status());
    assertEquals(OfficerStatus.READY, queues.officer("t2").orElseThrow().status());
    assertTrue(
        path.steps().containsAll(List.of("officer:talked", "officer-transferred")),
        path.steps().toString());
  }

  @Test
  void anOfficerWhoHangsUpMidCallLeavesTheQueueConsistentAndTakesTheNextCaller() {
    queues.setStatus("t1", OfficerStatus.READY);
    ScriptedSwitch bank = new ScriptedSwitch(approved(900));
    // The officer answers and hangs up on the caller mid-call: the bridge ends TALKED with the
    // caller's line still up (hangup_after_bridge=false), and the phone bank ends the call.
    ScriptedPhone phone = phone("2", CARD, PIN, "0").officersWill(BridgeOutcome.TALKED);

    call(bank, phone);

    QueuedCall first = onlyEntry();
    assertEquals(EntryStatus.ENDED, first.status());
    assertEquals(EntryEnd.COMPLETED, store.endOf(first.id()).orElseThrow());
    assertTrue(phone.hungUp(), "the phone bank hangs the caller up after the officer left");
    assertEquals(OfficerStatus.READY, queues.officer("t1").orElseThrow().status());
    assertEquals(0, queues.officer("t1").orElseThrow().entryId());
    assertTrue(queues.ringingFor("t1").isEmpty(), "no offer left ringing");
    // The officer is free for the next caller at once.
    ScriptedPhone next = phone("2", CARD, PIN, "0").officersWill(BridgeOutcome.TALKED);
    call(new ScriptedSwitch(approved(900)), next);
    assertEquals(List.of("user/t1"), next.bridged());
  }

  @Test
  void aCallerWhoCallsAgainAndReachesTheQueueCancelsTheCallbackTheyLeft() {
    ScriptedPhone first = phone("2", CARD, PIN, "0", "1", "1").withCallerNumber("09121234567");
    call(new ScriptedSwitch(approved(900)), first);
    long callback =
        LongStream.rangeClosed(1, 10)
            .mapToObj(store::entry)
            .flatMap(Optional::stream)
            .findFirst()
            .orElseThrow()
            .id();

    ScriptedPhone again =
        phone("2", CARD, PIN, "0", NO_INPUT, HANG_UP).withCallerNumber("09121234567");
    PhoneBankingCall flow =
        new PhoneBankingCall(
            fixture.services(new ScriptedSwitch(approved(900)), queues), IvrSettings.defaults());
    assertThrows(CallerHungUp.class, () -> flow.handle(again));

    assertEquals(EntryEnd.CALLBACK_CANCELLED, store.endOf(callback).orElseThrow());
  }
}
