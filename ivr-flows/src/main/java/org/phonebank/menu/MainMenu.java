// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.menu;

import java.util.Map;
import java.util.Objects;
import org.phonebank.call.BankingService;
import org.phonebank.call.DigitCollection;
import org.phonebank.call.IvrSettings;
import org.phonebank.call.KeypadEntry;
import org.phonebank.call.Next;
import org.phonebank.call.Session;
import org.phonebank.callpath.CallEnding;
import org.phonebank.escalation.EscalationReason;
import org.phonebank.prompt.Phrase;

/**
 * The menu an authenticated caller returns to after each service: 1 balance, 2 last five
 * transactions, 3 transfer, 4 bill payment, 5 block the card, 6 change the telephone PIN, 0 an
 * officer, 9 the menu again. Star is "back" in the menus below; here, with nothing above, it too
 * repeats the menu. A key pressed while the menu plays interrupts it. Silence or other keys are
 * explained; after {@code entryTries} of them a caller who has been served hears goodbye, and one
 * who has not is offered an officer.
 */
public final class MainMenu {

  private final IvrSettings settings;
  private final Map<String, BankingService> services;
  private final Officer officer;

  /** {@code services} by key: "1" to "6". */
  public MainMenu(IvrSettings settings, Map<String, BankingService> services, Officer officer) {
    this.settings = Objects.requireNonNull(settings, "IVR settings are required.");
    this.services = Map.copyOf(services);
    this.officer = Objects.requireNonNull(officer, "Officer is required.");
  }

  public Next run(Session session) {
    DigitCollection menu =
        new DigitCollection(Phrase.MAIN_MENU.in(session.language()), 1, 1, settings.menuTimeout());
    boolean served = false;
    int mistakes = 0;
    while (true) {
      session.path().visit("main-menu");
      KeypadEntry choice = session.phone().collect(menu);
      String key = choice.keys();
      BankingService service = services.get(key);
      if (service != null) {
        Next next = service.serve(session);
        if (next == Next.OFFICER_OR_MENU) {
          next = officer.offerAfterFailure(session);
        }
        if (next != Next.MAIN_MENU) {
          return next;
        }
        served = true;
        mistakes = 0;
      } else if (key.equals("0")) {
        return officer.escalate(session, EscalationReason.ASKED);
      } else if (!key.equals("9") && !key.equals("*")) {
        session.say(
            choice.ending() == KeypadEntry.Ending.NOTHING
                ? Phrase.NO_ENTRY
                : Phrase.INVALID_CHOICE);
        mistakes++;
        if (mistakes >= settings.entryTries()) {
          if (served) {
            // Done with the bank: keep a SERVED ending a service recorded, else the caller simply
            // left.
            CallEnding ending =
                session.path().ending() == CallEnding.SERVED
                    ? CallEnding.SERVED
                    : CallEnding.CALLER_LEFT;
            session.path().ended(ending, "no further choice at the main menu");
            return Next.GOODBYE;
          }
          session.path().ended(CallEnding.GAVE_UP, "no choice at the main menu");
          return Next.OFFER_OFFICER;
        }
      }
    }
  }
}
