// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.statement;

import java.util.List;
import java.util.Objects;
import org.phonebank.banking.MiniStatementInquiry;
import org.phonebank.banking.StatementLine;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.call.BankingService;
import org.phonebank.call.Next;
import org.phonebank.call.OutcomeSpeech;
import org.phonebank.call.Session;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;
import org.phonebank.prompt.Prompt;
import org.phonebank.prompt.SpokenAmount;
import org.phonebank.prompt.SpokenDate;

/**
 * Main menu 2: the last five transactions, newest first, each as its date, withdrawal or deposit,
 * and amount: «پنجم فروردین هزار و چهارصد و سه برداشت دو میلیون ریال», "March twenty-fourth two
 * thousand twenty four withdrawal of two million rials".
 */
public final class MiniStatement implements BankingService {

  /** Lines read out; the issuer may send more. */
  public static final int LINES = 5;

  private final JournalledSwitch bank;

  public MiniStatement(JournalledSwitch bank) {
    this.bank = Objects.requireNonNull(bank, "Journalled switch is required.");
  }

  @Override
  public Next serve(Session session) {
    session.path().visit("mini-statement");
    SwitchOutcome outcome =
        bank.send(
            session.callId(), ids -> new MiniStatementInquiry(ids, session.card(), session.pin()));
    if (!(outcome instanceof SwitchOutcome.Approved approved)) {
      session.path().visit("mini-statement:" + OutcomeSpeech.sayRefusal(session, outcome, false));
      return Next.MAIN_MENU;
    }
    List<StatementLine> lines = approved.statement();
    if (lines.isEmpty()) {
      session.say(Phrase.STATEMENT_EMPTY);
    } else {
      session.say(Phrase.STATEMENT_INTRO);
      for (StatementLine line : lines.subList(0, Math.min(LINES, lines.size()))) {
        session.say(spoken(line, session.language()));
      }
    }
    session.path().served("mini-statement spoken");
    return Next.MAIN_MENU;
  }

  static Prompt spoken(StatementLine line, Language language) {
    Phrase direction =
        line.direction() == StatementLine.Direction.DEBIT
            ? Phrase.STATEMENT_DEBIT
            : Phrase.STATEMENT_CREDIT;
    return SpokenDate.of(line.postedOn(), language)
        .then(direction.in(language))
        .then(SpokenAmount.of(line.amount(), language));
  }
}
