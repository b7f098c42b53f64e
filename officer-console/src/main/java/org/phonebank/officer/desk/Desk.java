// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.phonebank.card.CardFingerprint;
import org.phonebank.escalation.Escalations;
import org.phonebank.escalation.Offer;
import org.phonebank.escalation.OfferResult;
import org.phonebank.escalation.OfficerLeg;
import org.phonebank.escalation.OfficerLegs;
import org.phonebank.escalation.OfficerProfile;
import org.phonebank.escalation.OfficerState;
import org.phonebank.escalation.OfficerStatus;
import org.phonebank.escalation.QueueDefinition;
import org.phonebank.escalation.Transfer;
import org.phonebank.escalation.TransferOutcome;
import org.phonebank.escalation.TransferTarget;
import org.phonebank.lockout.CardLockouts;
import org.phonebank.officer.audit.AuditAction;
import org.phonebank.officer.audit.AuditRecord;
import org.phonebank.officer.audit.AuditTrail;

/**
 * An officer's desk: going ready or away, the offered call with accept and refuse, the screen-pop
 * of the caller's banking context, and the wrap-up after the call. Free of HTTP, so it is tested
 * without a server.
 *
 * <p>Authorisation: an officer sees only the caller offered to them (RESERVED), the caller they
 * serve (BUSY), or the caller they are writing up (WRAP_UP, their last answered call); anything
 * else is refused as not theirs. Every view of a caller's context and every action is written to
 * the {@link AuditTrail}.
 *
 * <p>Transfer sends the caller the officer talks to to another queue or officer (escalation {@code
 * Transfers}); the officer then writes their part up.
 *
 * <p>Accept and refuse end the offer as the officer's phone would (ANSWERED, REFUSED): the phone
 * bank's bridge to the officer's phone still runs, and when it ends it reports the same offer
 * again, which the queues ignore (an offer already ended is left alone). See
 * docs/officer-console.md.
 */
public final class Desk {

  /** How far back the same card's calls are shown. */
  public static final Duration HISTORY = Duration.ofDays(30);

  /** Longest wrap-up note, in characters. */
  public static final int MAX_NOTE = 500;

  private final Optional<Escalations> queues;
  private final CustomerContexts contexts;
  private final CardLockouts lockouts;
  private final AuditTrail audit;
  private final Clock clock;
  private final OfficerLegs legs;

  /**
   * @param legs ends an officer's leg on the phone system: the ringing phone of a refused offer,
   *     the transferring officer's side of a conversation
   */
  public Desk(
      Optional<Escalations> queues,
      CustomerContexts contexts,
      CardLockouts lockouts,
      AuditTrail audit,
      Clock clock,
      OfficerLegs legs) {
    this.legs = Objects.requireNonNull(legs, "Officer legs are required.");
    this.queues = Objects.requireNonNull(queues, "Queues are required (empty when none).");
    this.contexts = Objects.requireNonNull(contexts, "Contexts are required.");
    this.lockouts = Objects.requireNonNull(lockouts, "Lockouts are required.");
    this.audit = Objects.requireNonNull(audit, "Audit trail is required.");
    this.clock = Objects.requireNonNull(clock, "Clock is required.");
  }

  public DeskView view(String officer) {
    OfficerState state = state(officer);
    Optional<Offer> offer = queues().ringingFor(officer);
    Long entryId =
        switch (state.status()) {
          case RESERVED, BUSY -> state.entryId();
          case WRAP_UP -> contexts.lastAnswered(officer).orElse(null);
          default -> null;
        };
    return new DeskView(
        officer,
        state.status().name(),
        offer.map(Offer::id).orElse(null),
        entryId,
        offer.map(o -> o.deadline().toString()).orElse(null));
  }

  /**
   * The officer's own change: {@code READY} or {@code AWAY} (READY also ends a wrap-up).
   *
   * @throws DeskRefusal BAD_INPUT for any other state, CONFLICT while a call drives the state
   */
  public DeskView setStatus(String officer, String status) {
    OfficerStatus wanted;
    if ("READY".equals(status)) {
      wanted = OfficerStatus.READY;
    } else if ("AWAY".equals(status)) {
      wanted = OfficerStatus.AWAY;
    } else {
      throw new DeskRefusal(DeskRefusal.Kind.BAD_INPUT, "A state is READY or AWAY.");
    }
    state(officer);
    if (!queues().setStatus(officer, wanted)) {
      throw new DeskRefusal(
          DeskRefusal.Kind.CONFLICT, "While a call rings or lasts, the call drives your state.");
    }
    record(officer, AuditAction.STATUS, Optional.empty(), wanted.name());
    return view(officer);
  }

  /** Takes the call offered to this officer; CONFLICT if it no longer rings for them. */
  public DeskView accept(String officer, long offerId) {
    return endOffer(officer, offerId, OfferResult.ANSWERED, AuditAction.ACCEPT);
  }

  /**
   * Turns the offered call down: the offer ends REFUSED and the officer's phone stops ringing (its
   * leg is ended as rejected), so the caller's bridge fails and they go to the next officer at
   * once.
   */
  public DeskView refuse(String officer, long offerId) {
    DeskView view = endOffer(officer, offerId, OfferResult.REFUSED, AuditAction.REFUSE);
    legs.release(OfficerLeg.of(offerId), OfficerLeg.Release.REFUSED);
    return view;
  }

  /**
   * Sends the caller this officer is talking to ({@code entryId}) to another queue ({@code queue})
   * or to a named officer ({@code toOfficer}), exactly one of them; the officer goes to WRAP_UP and
   * their side of the conversation is ended (escalation {@code Transfers}).
   *
   * @throws DeskRefusal BAD_INPUT for neither or both targets, a transfer to oneself or to an
   *     officer who cannot serve the caller; NOT_FOUND for an unknown queue or officer; NOT_YOURS
   *     for a caller this officer is not talking to; CONFLICT for an officer not ready
   */
  public DeskView transfer(String officer, long entryId, String queue, String toOfficer) {
    boolean toQueue = queue != null && !queue.isBlank();
    boolean toPerson = toOfficer != null && !toOfficer.isBlank();
    if (toQueue == toPerson) {
      throw new DeskRefusal(
          DeskRefusal.Kind.BAD_INPUT, "A transfer names either a queue or an officer.");
    }
    state(officer);
    TransferTarget target =
        toQueue
            ? new TransferTarget.ToQueue(queue.strip())
            : new TransferTarget.ToOfficer(toOfficer.strip());
    TransferOutcome outcome = queues().transfers(legs).transfer(officer, entryId, target);
    if (outcome instanceof TransferOutcome.Refused refused) {
      DeskRefusal.Kind kind =
          switch (refused.why()) {
            case UNKNOWN_QUEUE, UNKNOWN_OFFICER -> DeskRefusal.Kind.NOT_FOUND;
            case NOT_YOUR_CALLER -> DeskRefusal.Kind.NOT_YOURS;
            case OFFICER_NOT_READY -> DeskRefusal.Kind.CONFLICT;
            case TO_YOURSELF, OFFICER_CANNOT_SERVE -> DeskRefusal.Kind.BAD_INPUT;
          };
      throw new DeskRefusal(kind, refused.why().words());
    }
    Transfer done = ((TransferOutcome.Transferred) outcome).transfer();
    Optional<String> card = contexts.context(entryId).flatMap(CallerContext::maskedCard);
    record(
        officer,
        AuditAction.TRANSFER,
        card,
        "entry "
            + entryId
            + " from "
            + done.fromQueue()
            + " to "
            + done.toOfficer().map(o -> "officer " + o).orElse("queue " + done.toQueue()));
    return view(officer);
  }

  /** Where this officer may transfer a caller: every queue, and every other officer. */
  public TransferTargets transferTargets(String officer) {
    state(officer);
    return new TransferTargets(
        queues().settings().queues().stream().map(QueueDefinition::name).toList(),
        queues().settings().officers().stream()
            .map(OfficerProfile::id)
            .filter(id -> !id.equals(officer))
            .toList());
  }

  private DeskView endOffer(String officer, long offerId, OfferResult result, AuditAction action) {
    state(officer);
    Offer offer =
        queues()
            .ringingFor(officer)
            .filter(ringing -> ringing.id() == offerId)
            .orElseThrow(
                () ->
                    new DeskRefusal(
                        DeskRefusal.Kind.CONFLICT, "That call is no longer ringing for you."));
    queues().offerEnded(offer, result);
    Optional<String> card = contexts.context(offer.entryId()).flatMap(CallerContext::maskedCard);
    record(officer, action, card, "entry " + offer.entryId());
    return view(officer);
  }

  /**
   * The caller's banking context, for the officer the call is offered to, who serves it or who is
   * writing it up; the view is audited.
   *
   * @throws DeskRefusal NOT_YOURS for any other caller
   */
  public ScreenPop pop(String officer, long entryId) {
    requireTheirs(officer, entryId);
    CallerContext context =
        contexts
            .context(entryId)
            .orElseThrow(() -> new DeskRefusal(DeskRefusal.Kind.NOT_YOURS, "No such caller."));
    record(officer, AuditAction.VIEW_CONTEXT, context.maskedCard(), "entry " + entryId);
    Boolean locked =
        context
            .card()
            .map(card -> lockouts.locked().stream().anyMatch(l -> l.fingerprint().equals(card)))
            .orElse(null);
    List<ScreenPop.Contact> history =
        context.card().map(card -> history(card, entryId, context.callId())).orElse(List.of());
    List<ScreenPop.Step> path = new java.util.ArrayList<>();
    for (int i = 0; i < context.path().size(); i++) {
      String step = context.path().get(i);
      path.add(new ScreenPop.Step(i + 1, step, PathWords.of(step)));
    }
    // The path the IVR recorded ends at the queue; officers' transfers since then follow it.
    for (Transfer transfer : queues().transfers(legs).of(entryId)) {
      String step =
          "officer-transfer:"
              + transfer.fromQueue()
              + "-to-"
              + transfer.toOfficer().map(o -> "officer-" + o).orElse(transfer.toQueue());
      path.add(new ScreenPop.Step(path.size() + 1, step, PathWords.of(step)));
    }
    return new ScreenPop(
        entryId,
        context.maskedCard().orElse(null),
        null,
        "The escalation does not carry the holder's name.",
        context.language().equals("fa") ? "Persian" : "English",
        context.authenticated(),
        path,
        context.reason(),
        context.reasonText(),
        context.switchRequests().stream().map(Desk::request).toList(),
        locked,
        history);
  }

  /**
   * Writes the call up and makes the officer READY again. The note is plain text: at most {@value
   * #MAX_NOTE} characters, no markup characters ({@code <}, {@code >}) and no control characters
   * but line breaks; anything else is refused and nothing is stored.
   *
   * @throws DeskRefusal BAD_INPUT for an unknown code or a bad note, NOT_YOURS for a call the
   *     officer is not writing up, CONFLICT for a call already written up
   */
  public DeskView wrapUp(String officer, long entryId, String code, String note) {
    WrapUpCode wrapUp =
        WrapUpCode.named(code)
            .orElseThrow(
                () -> new DeskRefusal(DeskRefusal.Kind.BAD_INPUT, "Unknown wrap-up code."));
    String text = checkedNote(note);
    OfficerState state = state(officer);
    if (state.status() != OfficerStatus.WRAP_UP
        || !contexts.lastAnswered(officer).equals(Optional.of(entryId))) {
      throw new DeskRefusal(DeskRefusal.Kind.NOT_YOURS, "You are not writing up that call.");
    }
    if (!contexts.wrapUp(entryId, officer, wrapUp, text, clock.instant())) {
      throw new DeskRefusal(DeskRefusal.Kind.CONFLICT, "That call is already written up.");
    }
    Optional<String> card = contexts.context(entryId).flatMap(CallerContext::maskedCard);
    record(officer, AuditAction.WRAP_UP, card, "entry " + entryId + " " + wrapUp.name());
    queues().setStatus(officer, OfficerStatus.READY);
    return view(officer);
  }

  /** The note as stored, or a refusal naming what is wrong with it (never echoing it). */
  static String checkedNote(String note) {
    String text = note == null ? "" : note.strip();
    if (text.length() > MAX_NOTE) {
      throw new DeskRefusal(
          DeskRefusal.Kind.BAD_INPUT, "A note has at most " + MAX_NOTE + " characters.");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '<' || c == '>') {
        throw new DeskRefusal(
            DeskRefusal.Kind.BAD_INPUT, "A note is plain text: '<' and '>' are not allowed.");
      }
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        throw new DeskRefusal(DeskRefusal.Kind.BAD_INPUT, "A note has no control characters.");
      }
    }
    return text;
  }

  private void requireTheirs(String officer, long entryId) {
    OfficerState state = state(officer);
    boolean theirs =
        switch (state.status()) {
          case RESERVED, BUSY -> state.entryId() == entryId;
          case WRAP_UP -> contexts.lastAnswered(officer).equals(Optional.of(entryId));
          default -> false;
        };
    if (!theirs) {
      throw new DeskRefusal(
          DeskRefusal.Kind.NOT_YOURS, "That caller is not offered to you or served by you.");
    }
  }

  private List<ScreenPop.Contact> history(CardFingerprint card, long entryId, String callId) {
    return contexts.history(card, clock.instant().minus(HISTORY)).stream()
        .filter(contact -> !contact.callId().equals(callId))
        .map(
            contact ->
                new ScreenPop.Contact(
                    contact.at().toString(),
                    contact.ending().orElse(null),
                    contact.escalationReason().orElse(null),
                    contact.wrapUpCode().orElse(null),
                    contact
                        .wrapUpCode()
                        .flatMap(WrapUpCode::named)
                        .map(WrapUpCode::words)
                        .orElse(null)))
        .toList();
  }

  private static ScreenPop.Request request(SwitchRequestFacts facts) {
    String english;
    String persian;
    if (facts.responseCode().isPresent()) {
      ResponseCodeWords.Meaning meaning = ResponseCodeWords.of(facts.responseCode().get());
      english = meaning.english();
      persian = meaning.persian();
    } else {
      // The journal keeps no code for some outcomes (an approval, a request never answered).
      ResponseCodeWords.Meaning meaning = ResponseCodeWords.ofState(facts.state());
      english = meaning.english();
      persian = meaning.persian();
    }
    return new ScreenPop.Request(
        facts.type(),
        facts.amount().orElse(null),
        facts.stan(),
        facts.rrn(),
        facts.responseCode().orElse(null),
        english,
        persian,
        facts.state());
  }

  private OfficerState state(String officer) {
    try {
      return queues()
          .officer(officer)
          .orElseThrow(
              () ->
                  new DeskRefusal(
                      DeskRefusal.Kind.NOT_YOURS, "You are not an officer of the queues."));
    } catch (IllegalArgumentException notConfigured) {
      throw new DeskRefusal(DeskRefusal.Kind.NOT_YOURS, "You are not an officer of the queues.");
    }
  }

  private Escalations queues() {
    return queues.orElseThrow(
        () ->
            new DeskRefusal(
                DeskRefusal.Kind.NO_QUEUES,
                "No officers' queues are configured (phonebank.escalation.officers)."));
  }

  private void record(String actor, AuditAction action, Optional<String> card, String detail) {
    audit.append(new AuditRecord(clock.instant(), actor, action, card, detail));
  }
}
