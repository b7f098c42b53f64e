// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.menu;

import java.util.Objects;
import java.util.Optional;
import org.phonebank.call.CallServices;
import org.phonebank.call.DigitCollection;
import org.phonebank.call.IvrSettings;
import org.phonebank.call.KeypadEntry;
import org.phonebank.call.Next;
import org.phonebank.call.Session;
import org.phonebank.callpath.CallEnding;
import org.phonebank.escalation.Escalation;
import org.phonebank.escalation.EscalationReason;
import org.phonebank.escalation.OfficerQueue;
import org.phonebank.prompt.Phrase;

/**
 * Speaking to an officer. The caller becomes an {@link Escalation} (language, masked card, path,
 * reason, the call's switch requests; nothing secret) in the officers' queue its reason leads to,
 * and holds there ({@link OfficerWait}) until an officer answers or a callback is arranged. Reached
 * from the main menu (0), after running out of tries or being locked out, after blocking a stolen
 * card, and after a failed money movement. A phone bank that routes no officers itself (no {@link
 * OfficerQueue} in the call services) hands the call to the dialplan's officers' extension with
 * FreeSWITCH's {@code transfer}, as before.
 */
public final class Officer {

  private final IvrSettings settings;
  private final CallServices services;

  public Officer(IvrSettings settings, CallServices services) {
    this.settings = Objects.requireNonNull(settings, "IVR settings are required.");
    this.services = Objects.requireNonNull(services, "Call services are required.");
  }

  /** Puts the caller through to an officer for {@code reason}. */
  public Next escalate(Session session, EscalationReason reason) {
    session.path().visit("officer");
    String why =
        reason == EscalationReason.ASKED ? "caller asked for an officer" : session.path().reason();
    session.path().ended(CallEnding.ESCALATED, why);
    Optional<OfficerQueue> queue = services.officerQueue();
    if (queue.isEmpty()) {
      session.say(Phrase.CONNECTING_TO_OFFICER);
      session.phone().transferTo(settings.officerExtension());
      return Next.TRANSFERRED;
    }
    return new OfficerWait(session, queue.get(), services.clock(), settings)
        .run(escalation(session, reason, why));
  }

  /**
   * "To speak to an officer, press 0; to end the call, any other key." Zero escalates with the
   * reason the stage gave, or the path's ending (locked out, or out of tries); anything else, or
   * silence, is a goodbye, with the path's ending left as it was.
   */
  public Next offer(Session session) {
    session.path().visit("officer-offer");
    if (pressed(session, Phrase.OFFER_OFFICER).equals("0")) {
      EscalationReason reason =
          session
              .officerReason()
              .orElse(
                  session.path().ending() == CallEnding.LOCKED_OUT
                      ? EscalationReason.LOCKED_OUT
                      : EscalationReason.OUT_OF_TRIES);
      return escalate(session, reason);
    }
    return Next.GOODBYE;
  }

  /**
   * After a declined, timed-out or reversed money movement: "to speak to an officer about this,
   * press 0; for the main menu, any other key". Offered only where the phone bank routes officers.
   */
  public Next offerAfterFailure(Session session) {
    if (services.officerQueue().isEmpty()) {
      return Next.MAIN_MENU;
    }
    session.path().visit("officer-offer:after-failure");
    if (pressed(session, Phrase.OFFICER_AFTER_FAILURE).equals("0")) {
      return escalate(session, EscalationReason.MONEY_MOVEMENT_FAILED);
    }
    return Next.MAIN_MENU;
  }

  private String pressed(Session session, Phrase question) {
    KeypadEntry answer =
        session
            .phone()
            .collect(
                new DigitCollection(question.in(session.language()), 1, 1, settings.menuTimeout()));
    return answer.keys();
  }

  private Escalation escalation(Session session, EscalationReason reason, String why) {
    return new Escalation(
        session.callId(),
        session.language().code(),
        session.keyedCard().map(card -> card.masked()),
        session.authenticatedCard().isPresent(),
        session.path().steps(),
        reason,
        why,
        services.bank().requestsOf(session.callId()));
  }
}
