// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.menu;

import java.util.Objects;
import org.phonebank.call.DigitCollection;
import org.phonebank.call.IvrSettings;
import org.phonebank.call.KeypadEntry;
import org.phonebank.call.Next;
import org.phonebank.call.Session;
import org.phonebank.callpath.CallEnding;
import org.phonebank.prompt.Phrase;

/**
 * Speaking to an officer: the call is handed to the officers' extension with FreeSWITCH's {@code
 * transfer}, and the path records why. Offered when a caller runs out of tries or is locked out;
 * the officer's side of it (queues, the caller's path on screen) is the escalation service's
 * business.
 */
public final class Officer {

  private final IvrSettings settings;

  public Officer(IvrSettings settings) {
    this.settings = Objects.requireNonNull(settings, "IVR settings are required.");
  }

  /** Hands the call over; the phone bank is done with it. */
  public Next transfer(Session session, String reason) {
    session.path().visit("officer");
    session.path().ended(CallEnding.ESCALATED, reason);
    session.say(Phrase.CONNECTING_TO_OFFICER);
    session.phone().transferTo(settings.officerExtension());
    return Next.TRANSFERRED;
  }

  /**
   * "To speak to an officer, press 0; to end the call, any other key." Zero escalates with the
   * reason already on the path; anything else, or silence, is a goodbye, with the path's ending
   * left as it was.
   */
  public Next offer(Session session) {
    session.path().visit("officer-offer");
    KeypadEntry answer =
        session
            .phone()
            .collect(
                new DigitCollection(
                    Phrase.OFFER_OFFICER.in(session.language()), 1, 1, settings.menuTimeout()));
    if (answer.keys().equals("0")) {
      return transfer(session, session.path().reason());
    }
    return Next.GOODBYE;
  }
}
