// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.phonebank.auth.Authentication;
import org.phonebank.balance.BalanceTeller;
import org.phonebank.billpay.BillPayer;
import org.phonebank.callpath.CallEnding;
import org.phonebank.callpath.CallPath;
import org.phonebank.cardblock.CardBlocker;
import org.phonebank.menu.LanguageMenu;
import org.phonebank.menu.MainMenu;
import org.phonebank.menu.Officer;
import org.phonebank.pinchange.PinChanger;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;
import org.phonebank.statement.MiniStatement;
import org.phonebank.transfer.MoneyTransfer;
import org.phonebank.transfer.TransferLimits;

/**
 * The phone bank's call flow: answer, welcome in both languages, choose the language, card and PIN,
 * then the main menu (balance, mini-statement, transfer, bill payment, card block, PIN change, an
 * officer) until the caller is done. Mistakes are explained and asked again; running out of tries
 * offers an officer. Every call that ends by itself ends with a goodbye, or with the hand-over to
 * an officer.
 *
 * <p>Every call, however it ends (a hang-up included), leaves its {@link CallPath} in {@link
 * CallServices#callPaths()}: steps, ending and reason, never a digit the caller keyed.
 *
 * <p>One instance serves every call: all state of a call lives on its own thread's stack. A {@link
 * CallerHungUp} is recorded on the path and passed on; the call runner ends the call.
 */
public final class PhoneBankingCall implements CallFlow {

  private static final System.Logger LOG = System.getLogger(PhoneBankingCall.class.getName());

  private final CallServices services;
  private final LanguageMenu languageMenu;
  private final Authentication authentication;
  private final MainMenu mainMenu;
  private final Officer officer;

  public PhoneBankingCall(CallServices services, IvrSettings settings) {
    this.services = Objects.requireNonNull(services, "Call services are required.");
    Objects.requireNonNull(settings, "IVR settings are required.");
    Questions questions = new Questions(settings);
    this.languageMenu = new LanguageMenu(settings);
    this.authentication = new Authentication(settings, services);
    this.officer = new Officer(settings, services);
    this.mainMenu =
        new MainMenu(
            settings,
            Map.of(
                "1", new BalanceTeller(services.bank()),
                "2", new MiniStatement(services.bank()),
                "3",
                    new MoneyTransfer(
                        services.bank(),
                        questions,
                        new TransferLimits(settings, services.bank()),
                        services.nameVoice()),
                "4", new BillPayer(services.bank(), questions, settings.dailyBills()),
                "5", new CardBlocker(services.bank(), questions),
                "6",
                    new PinChanger(
                        settings, services.bank(), services.pins(), services.lockouts())),
            officer);
  }

  @Override
  public void handle(Phone phone) {
    run(phone);
  }

  /** Handles the call and returns its path (also recorded, and logged as one line per call). */
  public CallPath run(Phone phone) {
    PathLog path = new PathLog(phone.callId(), services.clock().instant());
    phone.callerNumber().ifPresent(path::caller);
    Session session = null;
    try {
      phone.answer();
      phone.play(Phrase.WELCOME.inBothLanguages());
      Optional<Language> chosen = languageMenu.choose(phone);
      Language language = chosen.orElse(Language.PERSIAN);
      session = new Session(phone, language, path);
      Next next;
      if (chosen.isEmpty()) {
        path.ended(CallEnding.GAVE_UP, "no language chosen");
        next = Next.GOODBYE;
      } else {
        path.language(language.code());
        next = serve(session);
      }
      if (next != Next.TRANSFERRED) {
        phone.play(Phrase.GOODBYE.in(language));
        phone.hangUp();
      }
    } catch (CallerHungUp gone) {
      path.hungUp();
      throw gone;
    } catch (RuntimeException failure) {
      path.ended(CallEnding.FAILED, "the call flow failed");
      throw failure;
    } finally {
      if (session != null) {
        session.close();
      }
      record(path);
    }
    return path.toPath(services.clock().instant());
  }

  private Next serve(Session session) {
    Next next = authentication.authenticate(session);
    if (next == Next.MAIN_MENU) {
      next = mainMenu.run(session);
    }
    if (next == Next.OFFER_OFFICER) {
      next = officer.offer(session);
    }
    return next;
  }

  private void record(PathLog path) {
    CallPath finished = path.toPath(services.clock().instant());
    try {
      services.callPaths().record(finished);
    } catch (RuntimeException e) {
      // A lost path must not turn a finished call into a failed one.
      LOG.log(System.Logger.Level.WARNING, "Call " + finished.callId() + ": path not recorded.", e);
    }
    // Call id, ending and reason only: what the caller keyed never reaches a log.
    LOG.log(
        System.Logger.Level.INFO,
        "Call {0} ended: {1} ({2}).",
        finished.callId(),
        finished.ending(),
        finished.leaveReason());
  }
}
