// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.phonebank.card.CardNumber;
import org.phonebank.phonesim.CallScript;
import org.phonebank.phonesim.PhoneSimulator;
import org.phonebank.phonesim.Transcript;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.PromptCatalogue;
import org.phonebank.prompt.SpokenAmount;
import org.phonebank.switchsim.DemoAccount;
import org.phonebank.switchsim.Ledger;

/**
 * One real phone-banking call after another against the whole stack as {@code ./phonebank start} brings it up:
 * Payara Server 6 with the EAR, embedded Derby, the switch simulator over mutual TLS, and the phone simulator
 * speaking the Event Socket protocol over TCP. Afterwards the stack is stopped, the journal is read straight
 * from Derby and every log the run wrote is searched for card numbers and PINs in clear.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneBankCallIT {

  private static final PhoneBankStack STACK = new PhoneBankStack();
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(90);
  private static final PromptCatalogue CATALOGUE = PromptCatalogue.load();
  private static final Ledger LEDGER = Ledger.demo();
  private static final DemoAccount SARA = LEDGER.accounts().get(0);
  private static final DemoAccount REZA = LEDGER.accounts().get(1);

  private static final List<String> callIds = new ArrayList<>();

  @BeforeAll
  static void startThePhoneBank() throws Exception {
    STACK.start();
  }

  @AfterAll
  static void stopThePhoneBank() throws Exception {
    STACK.stop();
  }

  private static Transcript call(String keys) {
    Transcript transcript =
        PhoneSimulator.call("127.0.0.1", PhoneBankStack.ESL_PORT, CallScript.parse(keys), CALL_TIMEOUT);
    System.out.println(String.join("\n", transcript.lines()));
    callIds.add(transcript.callId());
    return transcript;
  }

  private static String heard(Transcript transcript) {
    return String.join(" ", transcript.spokenTexts());
  }

  private static String pin(DemoAccount account) {
    return account.pin().reveal(String::new);
  }

  private static String spoken(DemoAccount account, Language language) {
    return CATALOGUE.textOf(SpokenAmount.of(account.available(), language));
  }

  @Test
  @Order(1)
  void theSpokenEnglishBalanceIsTheSwitchsBalanceForThatCard() {
    Transcript transcript = call("2 " + SARA.card().digits() + "# " + pin(SARA));
    assertTrue((transcript.ending() == Transcript.Ending.APP_HUNG_UP), "the phone bank ends the call");
    assertTrue(
        heard(transcript).contains(spoken(SARA, Language.ENGLISH)),
        "expected the balance '" + spoken(SARA, Language.ENGLISH) + "' in:\n" + heard(transcript));
  }

  @Test
  @Order(2)
  void aPersianCallerHearsAnElevenDigitBalanceInPersianWords() {
    Transcript transcript = call("1 " + REZA.card().digits() + "# " + pin(REZA));
    assertTrue((transcript.ending() == Transcript.Ending.APP_HUNG_UP));
    assertTrue(
        heard(transcript).contains(spoken(REZA, Language.PERSIAN)),
        "expected '" + spoken(REZA, Language.PERSIAN) + "' in:\n" + heard(transcript));
  }

  @Test
  @Order(3)
  void anInvalidCardAndAWrongPinAreToldAndAskedAgainNotDropped() {
    String badLuhn = SARA.card().digits().substring(0, 15) + ((SARA.card().digits().charAt(15) - '0' + 1) % 10);
    Transcript transcript =
        call("2 " + badLuhn + "# " + SARA.card().digits() + "# 0000 " + pin(SARA));
    String heard = heard(transcript);
    assertTrue(heard.contains(CATALOGUE.textOf(org.phonebank.prompt.Phrase.CARD_NOT_VALID.in(Language.ENGLISH))), heard);
    assertTrue(heard.contains(CATALOGUE.textOf(org.phonebank.prompt.Phrase.PIN_INCORRECT.in(Language.ENGLISH))), heard);
    assertTrue(heard.contains(spoken(SARA, Language.ENGLISH)), heard);
    assertTrue((transcript.ending() == Transcript.Ending.APP_HUNG_UP));
  }

  @Test
  @Order(4)
  void aCallerHangingUpMidCallDoesNotStopTheNextCall() {
    Transcript hungUp = call("2 H");
    assertFalse((hungUp.ending() == Transcript.Ending.APP_HUNG_UP), "the caller, not the app, ended this call");
    Transcript next = call("2 " + SARA.card().digits() + "# " + pin(SARA));
    assertTrue(heard(next).contains(spoken(SARA, Language.ENGLISH)), heard(next));
  }

  @Test
  @Order(5)
  void aGarbledEventSocketFrameEndsOnlyThatCall() throws Exception {
    try (Socket garbage = new Socket("127.0.0.1", PhoneBankStack.ESL_PORT)) {
      OutputStream out = garbage.getOutputStream();
      out.write("Content-Length: banana\n\n".getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[] {0, 1, 2, (byte) 0xff, '\n', '\n'});
      out.flush();
      garbage.setSoTimeout(10_000);
      // The app closes the line on the bad frame; reading to the end proves it did.
      while (garbage.getInputStream().read() >= 0) {
        // drain what the app wrote before closing (its "connect" command)
      }
    }
    Transcript next = call("2 " + SARA.card().digits() + "# " + pin(SARA));
    assertTrue(heard(next).contains(spoken(SARA, Language.ENGLISH)), heard(next));
  }

  @Test
  @Order(6)
  void everyInquiryIsJournalledWithItsOutcomeAndNoFullCardNumber() throws Exception {
    STACK.stop(); // Derby is embedded in Payara: read it once Payara has let go of it.
    EmbeddedDataSource derby = new EmbeddedDataSource();
    derby.setDatabaseName(STACK.derbyDatabase().toString());
    List<String> states = new ArrayList<>();
    try (Connection connection = derby.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT call_id, state, masked_card, response_code FROM switch_journal ORDER BY id");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        // The state folder outlives a run (mvn verify without clean): only this run's calls count.
        if (!callIds.contains(rows.getString("call_id"))) {
          continue;
        }
        states.add(rows.getString("state") + "/" + rows.getString("response_code"));
        String masked = rows.getString("masked_card");
        assertFalse(masked.contains(SARA.card().digits()) || masked.contains(REZA.card().digits()), masked);
        assertEquals(CardNumber.LENGTH, masked.length());
      }
    } finally {
      derby.setShutdownDatabase("shutdown");
      try {
        derby.getConnection().close();
      } catch (java.sql.SQLException expected) {
        // 08006: the database was shut down
      }
    }
    // Calls 1, 2, 4 (second), 5 approved; call 3 had one wrong PIN (55) before its approval.
    assertEquals(
        List.of("APPROVED/null", "APPROVED/null", "DECLINED/55", "APPROVED/null", "APPROVED/null", "APPROVED/null"),
        states);
  }

  @Test
  @Order(7)
  void noLogOfTheRunHoldsACardNumberOrAPinInClear() throws Exception {
    List<String> cards = new ArrayList<>();
    List<String> pins = new ArrayList<>();
    for (DemoAccount account : LEDGER.accounts()) {
      cards.add(account.card().digits());
    }
    pins.add(pin(SARA));
    pins.add(pin(REZA));
    List<java.nio.file.Path> folders = new ArrayList<>(STACK.logFolders());
    java.nio.file.Path root = STACK.root();
    for (String module :
        List.of("banking-domain", "esl-codec", "journal", "ivr-flows", "iso8583-bridge", "reconciliation",
            "switch-simulator", "phone-simulator", "ivr-server")) {
      folders.add(root.resolve(module).resolve("target/surefire-reports"));
    }
    LogScan scan = new LogScan().cardNumbers(cards).pins(pins);
    List<String> findings = scan.findingsIn(folders);
    assertTrue(scan.filesRead() > 3, "the scan read the run's logs, not an empty folder");
    assertTrue(findings.isEmpty(), String.join("\n", findings));
  }
}
