// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.phonebank.call.CallFixture.answeredPhone;
import static org.phonebank.call.CallFixture.approvedStatement;
import static org.phonebank.call.CallFixture.say;
import static org.phonebank.call.CallFixture.signedIn;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.MiniStatementInquiry;
import org.phonebank.banking.StatementLine;
import org.phonebank.banking.StatementLine.Direction;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.call.CallFixture;
import org.phonebank.call.Next;
import org.phonebank.call.ScriptedPhone;
import org.phonebank.call.ScriptedSwitch;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;

class MiniStatementTest {

  private static final List<StatementLine> SIX_LINES =
      List.of(
          new StatementLine(LocalDate.of(2024, 3, 24), Rials.of(2_000_000), Direction.DEBIT),
          new StatementLine(LocalDate.of(2024, 3, 20), Rials.of(150_000), Direction.CREDIT),
          new StatementLine(LocalDate.of(2024, 3, 19), Rials.of(1), Direction.DEBIT),
          new StatementLine(LocalDate.of(2023, 12, 31), Rials.of(10_500), Direction.CREDIT),
          new StatementLine(LocalDate.of(2023, 9, 22), Rials.of(1_000_000_000), Direction.DEBIT),
          new StatementLine(LocalDate.of(2023, 1, 1), Rials.of(7), Direction.DEBIT));

  private final CallFixture fixture = new CallFixture();

  private ScriptedPhone read(ScriptedSwitch bank, Language language) {
    ScriptedPhone phone = answeredPhone();
    assertEquals(
        Next.MAIN_MENU, new MiniStatement(fixture.bank(bank)).serve(signedIn(phone, language)));
    return phone;
  }

  @Test
  void persianCallersHearFiveLinesWithSolarHijriDates() {
    ScriptedPhone phone = read(new ScriptedSwitch(approvedStatement(SIX_LINES)), Language.PERSIAN);

    assertEquals(
        List.of(
            say(Phrase.STATEMENT_INTRO, Language.PERSIAN),
            "پنجم فروردین هزار و چهارصد و سه برداشت دو میلیون ریال",
            "یکم فروردین هزار و چهارصد و سه واریز صد و پنجاه هزار ریال",
            "بیست و نهم اسفند هزار و چهارصد و دو برداشت یک ریال",
            "دهم دی هزار و چهارصد و دو واریز ده هزار و پانصد ریال",
            "سی و یکم شهریور هزار و چهارصد و دو برداشت یک میلیارد ریال"),
        phone.transcript());
    assertEquals(TransactionType.MINI_STATEMENT, fixture.journal.all().get(0).type());
  }

  @Test
  void englishCallersHearGregorianDates() {
    ScriptedSwitch bank = new ScriptedSwitch(approvedStatement(SIX_LINES));
    ScriptedPhone phone = read(bank, Language.ENGLISH);

    assertEquals(6, phone.transcript().size());
    assertEquals(
        "March twenty-fourth two thousand twenty four withdrawal of two million rials",
        phone.transcript().get(1));
    assertEquals(
        "December thirty-first two thousand twenty three deposit of ten thousand five hundred rials",
        phone.transcript().get(4));
    assertEquals(MiniStatementInquiry.class, bank.received().get(0).getClass());
  }

  @Test
  void anEmptyStatementAndAnUnreachableBankAreSaidSo() {
    ScriptedPhone empty = read(new ScriptedSwitch(approvedStatement(List.of())), Language.ENGLISH);
    ScriptedPhone down =
        read(new ScriptedSwitch(new SwitchOutcome.Unreachable("down")), Language.PERSIAN);

    assertEquals(List.of(say(Phrase.STATEMENT_EMPTY, Language.ENGLISH)), empty.transcript());
    assertEquals(List.of(say(Phrase.BANK_UNREACHABLE, Language.PERSIAN)), down.transcript());
  }
}
