// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.phonebank.card.CardNumber;
import org.phonebank.money.Rials;
import org.phonebank.phonesim.CallGenerator;
import org.phonebank.phonesim.CallListener;
import org.phonebank.phonesim.CallScript;
import org.phonebank.phonesim.PhoneSimulator;
import org.phonebank.phonesim.Transcript;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.PersianText;
import org.phonebank.prompt.Phrase;
import org.phonebank.prompt.PromptCatalogue;
import org.phonebank.prompt.SpokenAmount;
import org.phonebank.settlement.DifferenceKind;
import org.phonebank.settlement.KindTotal;
import org.phonebank.settlement.Reconciler;
import org.phonebank.settlement.SettlementRecord;
import org.phonebank.switchsim.DemoAccount;
import org.phonebank.switchsim.Ledger;

/**
 * One real phone-banking call after another against the whole stack as {@code ./phonebank start}
 * brings it up: Payara Server 6 with the EAR, embedded Derby, the switch simulator over mutual TLS,
 * and the phone simulator speaking the Event Socket protocol over TCP. Afterwards the stack is
 * stopped, the journal is read straight from Derby and every log the run wrote is searched for card
 * numbers and PINs in clear.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneBankCallIT {

  private static final PhoneBankStack STACK = new PhoneBankStack();
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(90);
  private static final PromptCatalogue CATALOGUE = PromptCatalogue.load();
  private static final Ledger LEDGER = Ledger.demo();
  private static final DemoAccount SARA = LEDGER.accounts().get(0);
  private static final DemoAccount SARA_SAVINGS = LEDGER.accounts().get(1);
  private static final DemoAccount REZA = LEDGER.accounts().get(2);
  private static final DemoAccount MARYAM = LEDGER.accounts().get(3);
  private static final DemoAccount NARGES = LEDGER.accounts().get(5);

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
    return call(keys, org.phonebank.phonesim.OfficerPhones.answeringAll());
  }

  /** A call whose officers' phones do what {@code officers} scripts. */
  private static Transcript call(String keys, org.phonebank.phonesim.OfficerPhones officers) {
    Transcript transcript =
        PhoneSimulator.call(
            "127.0.0.1",
            PhoneBankStack.ESL_PORT,
            STACK.eslPeerSecret(),
            CallScript.parse(keys),
            CALL_TIMEOUT,
            officers);
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

  /**
   * After these, the main menu gets no answer three times and the bank says goodbye and hangs up.
   */
  private static final String LEAVE = " - - -";

  private static String say(Phrase phrase, Language language) {
    return CATALOGUE.textOf(phrase.in(language));
  }

  private static String signIn(String language, DemoAccount account) {
    return language + " " + account.card().digits() + "# " + pin(account);
  }

  @Test
  @Order(1)
  void theSpokenEnglishBalanceIsTheSwitchsBalanceForThatCard() {
    Transcript transcript = call(signIn("2", SARA) + " 1" + LEAVE);
    assertEquals(
        Transcript.Ending.APP_HUNG_UP, transcript.ending(), "the phone bank ends the call");
    assertTrue(
        heard(transcript).contains(spoken(SARA, Language.ENGLISH)),
        "expected the balance '" + spoken(SARA, Language.ENGLISH) + "' in:\n" + heard(transcript));
  }

  @Test
  @Order(2)
  void aPersianCallerHearsAnElevenDigitBalanceInPersianWords() {
    Transcript transcript = call(signIn("1", REZA) + " 1" + LEAVE);
    assertEquals(Transcript.Ending.APP_HUNG_UP, transcript.ending());
    assertTrue(
        heard(transcript).contains(spoken(REZA, Language.PERSIAN)),
        "expected '" + spoken(REZA, Language.PERSIAN) + "' in:\n" + heard(transcript));
  }

  @Test
  @Order(2)
  void aCardKeyedWithoutTheHashStillGivesTheBalance() {
    assertEquals("6037991234567893", SARA.card().digits());
    assertEquals("7391", pin(SARA));
    // No # after the card: FreeSWITCH times out with the 16 digits kept (read_result=timeout).
    Transcript transcript = call("2 6037991234567893 7391 1");
    String heard = heard(transcript);
    assertTrue(heard.contains(spoken(SARA, Language.ENGLISH)), heard);
    assertFalse(heard.contains(say(Phrase.NO_ENTRY, Language.ENGLISH)), heard);
  }

  @Test
  @Order(2)
  void aLoneHashAndTooFewKeysAreExplainedNeverCalledNoEntry() {
    // # alone at the card, the card without #, two keys of the PIN, the PIN, # alone at the menu.
    Transcript transcript =
        call("2 # " + SARA.card().digits() + " 73 " + pin(SARA) + " # 1" + LEAVE);
    String heard = heard(transcript);
    String balance = spoken(SARA, Language.ENGLISH);
    assertTrue(heard.contains(balance), heard);
    String beforeTheBalance = heard.substring(0, heard.indexOf(balance));
    assertTrue(beforeTheBalance.contains(say(Phrase.HASH_ONLY, Language.ENGLISH)), heard);
    assertTrue(
        beforeTheBalance.contains(say(Phrase.PIN_MUST_BE_4_DIGITS, Language.ENGLISH)), heard);
    assertTrue(beforeTheBalance.contains(say(Phrase.INVALID_CHOICE, Language.ENGLISH)), heard);
    assertFalse(beforeTheBalance.contains(say(Phrase.NO_ENTRY, Language.ENGLISH)), heard);
    assertEquals(0, transcript.dtmfEvents(), "every key of the call is sensitive");
    assertEquals(Transcript.Ending.APP_HUNG_UP, transcript.ending());
  }

  @Test
  @Order(3)
  void anInvalidCardAndAWrongPinAreToldAndAskedAgainNotDropped() {
    String badLuhn =
        SARA.card().digits().substring(0, 15) + ((SARA.card().digits().charAt(15) - '0' + 1) % 10);
    Transcript transcript =
        call("2 " + badLuhn + "# " + SARA.card().digits() + "# 0000 " + pin(SARA) + " 1" + LEAVE);
    String heard = heard(transcript);
    assertTrue(heard.contains(say(Phrase.CARD_NOT_VALID, Language.ENGLISH)), heard);
    assertTrue(heard.contains(say(Phrase.PIN_INCORRECT, Language.ENGLISH)), heard);
    assertTrue(heard.contains(spoken(SARA, Language.ENGLISH)), heard);
    assertEquals(Transcript.Ending.APP_HUNG_UP, transcript.ending());
  }

  @Test
  @Order(4)
  void aCallerHangingUpMidCallDoesNotStopTheNextCall() {
    Transcript hungUp = call("2 H");
    assertFalse(
        (hungUp.ending() == Transcript.Ending.APP_HUNG_UP),
        "the caller, not the app, ended this call");
    Transcript next = call(signIn("2", SARA) + " 1" + LEAVE);
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
    Transcript next = call(signIn("2", SARA) + " 1" + LEAVE);
    assertTrue(heard(next).contains(spoken(SARA, Language.ENGLISH)), heard(next));
  }

  @Test
  @Order(5)
  void aThousandIdleSocketsAFloodOfMebibyteFramesAndAStrangerLeaveARealCallServed()
      throws Exception {
    try (HostilePeers hostile = new HostilePeers(PhoneBankStack.ESL_PORT)) {
      hostile.openIdle(1000);
      hostile.startFlooding(4);
      assertEquals(
          "connect\n\n",
          hostile.answerConnectWithoutTheSecret(),
          "a peer without the secret hears connect and nothing else");

      Transcript served = call(signIn("2", SARA) + " 1" + LEAVE);
      assertTrue(heard(served).contains(spoken(SARA, Language.ENGLISH)), heard(served));

      assertTrue(hostile.floodersCutOff(Duration.ofSeconds(30)), "the server closed every flooder");
      assertEquals(1000, hostile.idleClosedByTheServer(Duration.ofSeconds(30)));
    }
  }

  @Test
  @Order(6)
  void anEnglishCardToCardTransferIsReadBackSentAndTheBalanceFallsByTheAmount() {
    Rials amount = Rials.of(1_000_000);
    Transcript transcript =
        call(
            signIn("2", SARA)
                + " 3 2 "
                + NARGES.card().digits()
                + "# "
                + amount.value()
                + "# 1 1"
                + LEAVE);
    String heard = heard(transcript);
    assertTrue(heard.contains(CATALOGUE.textOf(SpokenAmount.of(amount, Language.ENGLISH))), heard);
    // The holder's name spoken as a name by espeak-ng: the simulator shows the synthesised text.
    assertTrue(heard.contains(PersianText.normalise(NARGES.holderPersian())), heard);
    assertTrue(heard.contains(say(Phrase.TRANSFER_DONE, Language.ENGLISH)), heard);
    assertTrue(
        heard.contains(
            CATALOGUE.textOf(SpokenAmount.of(SARA.available().minus(amount), Language.ENGLISH))),
        "the balance asked for after the transfer is lower by the amount:\n" + heard);
    assertEquals(Transcript.Ending.APP_HUNG_UP, transcript.ending());
  }

  @Test
  @Order(7)
  void aPersianMiniStatementListsThatTransferAsAWithdrawal() {
    Transcript transcript = call(signIn("1", SARA) + " 2" + LEAVE);
    String heard = heard(transcript);
    assertTrue(heard.contains(say(Phrase.STATEMENT_DEBIT, Language.PERSIAN)), heard);
    assertTrue(
        heard.contains(CATALOGUE.textOf(SpokenAmount.of(Rials.of(1_000_000), Language.PERSIAN))),
        heard);
  }

  @Test
  @Order(8)
  void aPersianBillPaymentRefusesABadBillIdThenPaysTheAmountInThePaymentId() {
    // Sample bill from persian-tools' public tests: a fixed-line bill of 17,000 rials.
    Transcript transcript =
        call(signIn("1", REZA) + " 4 7748317800143# 7748317800142# 1770160# 1 1" + LEAVE);
    String heard = heard(transcript);
    assertTrue(heard.contains(say(Phrase.BILL_ID_NOT_VALID, Language.PERSIAN)), heard);
    assertTrue(heard.contains(say(Phrase.BILL_PAID, Language.PERSIAN)), heard);
    assertTrue(
        heard.contains(
            CATALOGUE.textOf(
                SpokenAmount.of(REZA.available().minus(Rials.of(17_000)), Language.PERSIAN))),
        "the balance after the bill is lower by 17,000 rials:\n" + heard);
  }

  @Test
  @Order(9)
  void aWeakNewPinIsRefusedAndTheChangedPinWorksOnTheNextCall() {
    Transcript change = call(signIn("2", MARYAM) + " 6 " + pin(MARYAM) + " 1234 2468 2468" + LEAVE);
    String heard = heard(change);
    assertTrue(heard.contains(say(Phrase.PIN_TOO_WEAK, Language.ENGLISH)), heard);
    assertTrue(heard.contains(say(Phrase.PIN_CHANGED, Language.ENGLISH)), heard);

    Transcript next = call("2 " + MARYAM.card().digits() + "# 2468 1" + LEAVE);
    assertTrue(heard(next).contains(spoken(MARYAM, Language.ENGLISH)), heard(next));
  }

  @Test
  @Order(10)
  void threeWrongPinsLockTheCardUntilAnOfficerUnlocksItInTheConsole() throws Exception {
    OfficerConsole console = new OfficerConsole(STACK);
    console.unlockIfLocked(NARGES.card().masked()); // a failed earlier run may have left it locked
    String card = NARGES.card().digits();

    Transcript locking = call("2 " + card + "# 0000 0001 0002 -");
    assertTrue(heard(locking).contains(say(Phrase.CARD_LOCKED, Language.ENGLISH)), heard(locking));

    Transcript refused = call("2 " + card + "# -");
    String heard = heard(refused);
    assertTrue(heard.contains(say(Phrase.CARD_LOCKED, Language.ENGLISH)), heard);
    assertFalse(
        heard.contains(say(Phrase.ENTER_PIN, Language.ENGLISH)),
        "a locked card is not asked for a PIN");

    assertTrue(
        console.lockedCards().contains(NARGES.card().masked()), console.lockedCards().toString());
    assertEquals(400, console.unlockStatus("not-a-fingerprint"));
    assertEquals(401, console.statusWithoutLogin());
    assertTrue(console.unlockIfLocked(NARGES.card().masked()));

    Transcript served = call(signIn("2", NARGES) + " 1" + LEAVE);
    // Narges also received Sara's transfer earlier in this run.
    String balance =
        CATALOGUE.textOf(
            SpokenAmount.of(NARGES.available().plus(Rials.of(1_000_000)), Language.ENGLISH));
    assertTrue(heard(served).contains(balance), heard(served));
  }

  /** When the officer's desk test began: the audit trail is read from then on. */
  private static java.time.Instant deskTestStarted = java.time.Instant.MAX;

  @Test
  @Order(11)
  void anOfficerTakesACallerWhoseTransferWasDeclinedSeesTheirContextAndWritesTheCallUp()
      throws Exception {
    deskTestStarted = java.time.Instant.now().minusSeconds(5);
    try (DeskBrowser desk = DeskBrowser.open()) {
      desk.signIn("officer", OfficerConsole.password(STACK, "officer"));
      // LOGGED_OUT on a new state folder; AWAY, as the last run left it, on a reused one (officers'
      // states survive a restart).
      desk.waitForState("LOGGED_OUT", "AWAY");
      desk.click("ready");
      desk.waitForState("READY");
      desk.screenshot("01-desk-ready");

      // What the supervisor's wallboard counts as answered in the transfers queue before this call.
      OfficerConsole supervisor = new OfficerConsole(STACK, "supervisor");
      int answeredBefore = supervisor.answeredOnWallboard("transfers");

      // FreeSWITCH's inbound Event Socket (the simulator), sharing its officers' legs with the
      // calls' outbound sessions: the transfer below ends the officer's leg with uuid_kill, and
      // the callback after it is placed through it.
      org.phonebank.phonesim.OfficerPhones phones =
          new org.phonebank.phonesim.OfficerPhones()
              // The officer accepts on the desk while the phone rings, then picks it up (the
              // answer is known at once from CHANNEL_BRIDGE) and talks until the transfer; the
              // callback's ring is answered after 1 s, the officer talking 2 s.
              .parse("user/officer=answer:11:60,answer:1:2")
              .parse("sofia/gateway/bank/1001=answer:0:0");
      try (org.phonebank.phonesim.InboundFreeSwitch freeswitch =
          new org.phonebank.phonesim.InboundFreeSwitch(
              PhoneBankStack.INBOUND_ESL_PASSWORD, phones)) {
        freeswitch.start(PhoneBankStack.INBOUND_ESL_PORT);
        // Sara asks for more than she has: the switch declines with 51 and she presses 0; once
        // transferred and back on hold she asks for a callback at her caller id (1, then 1).
        java.util.concurrent.CompletableFuture<Transcript> caller =
            java.util.concurrent.CompletableFuture.supplyAsync(
                () ->
                    call(
                        signIn("2", SARA)
                            + " 3 2 "
                            + NARGES.card().digits()
                            + "# 50000000# 1 0 1 1",
                        phones));

        desk.waitVisible("incoming", Duration.ofSeconds(60));
        long answeredBy = System.nanoTime() + Duration.ofSeconds(12).toNanos();
        desk.waitForState("RESERVED");
        desk.waitForText("pop-card", SARA.card().masked());
        desk.screenshot("02-incoming-call-and-screen-pop");
        String path = String.join(" / ", desk.texts("#pop-path li"));
        assertTrue(path.contains("Card-to-card transfer"), path);
        assertTrue(path.contains("Offered an officer"), path);
        assertTrue(
            desk.text("pop-reason").contains("money-movement-failed"), desk.text("pop-reason"));
        assertEquals("English", desk.text("pop-language"));
        List<String> codes = desk.texts("#pop-requests td.code");
        int declined = codes.indexOf("51");
        assertTrue(declined >= 0, "the declined transfer's response code: " + codes);
        assertTrue(
            desk.texts("#pop-requests td.stan").get(declined).matches("[0-9]{1,6}"),
            desk.texts("#pop-requests td.stan").toString());
        assertTrue(
            desk.texts("#pop-requests td.rrn").get(declined).matches("[0-9A-Za-z]{12}"),
            desk.texts("#pop-requests td.rrn").toString());
        assertTrue(
            desk.texts("#pop-requests td.meaning").get(declined).contains("Insufficient funds"),
            desk.texts("#pop-requests td.meaning").toString());
        assertEquals("Not locked", desk.text("pop-lockout"));
        // The knowledge tree's suggestion for a transfer declined with 51.
        desk.waitForTextContaining("pop-articles", "Insufficient funds");
        List<String> suggested = desk.texts("#pop-articles li a");
        assertTrue(suggested.get(0).startsWith("Insufficient funds"), suggested.toString());

        desk.click("accept");
        desk.waitForState("BUSY");
        desk.screenshot("03-on-the-call");
        // The screen-pop in Persian (a reviewer's look), then back to English for the checks
        // below.
        desk.language("fa");
        desk.waitForText("pop-lockout", "مسدود نیست");
        desk.screenshot("03-on-the-call-in-persian");
        desk.language("en");

        // The officer transfers Sara to the general queue once the phone is picked up: the desk
        // turns to wrap-up, the officer's leg is killed on the inbound Event Socket, the bridge
        // ends and Sara is back on hold, where she asks for a callback.
        java.util.concurrent.TimeUnit.NANOSECONDS.sleep(
            Math.max(0, answeredBy - System.nanoTime()));
        desk.choose("transfer-to", "queue:general");
        desk.screenshot("03-transfer");
        desk.click("transfer-submit");
        desk.waitForTextContaining("message", "transferred");
        desk.waitVisible("wrap-up", Duration.ofSeconds(30));
        desk.waitForState("WRAP_UP");
        Transcript transcript = caller.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(
            transcript.lines().stream().anyMatch(line -> line.contains("officer answered")),
            transcript.toString());
        assertTrue(
            transcript.lines().stream()
                .anyMatch(line -> line.contains("officer's leg killed: NORMAL_CLEARING")),
            transcript.toString());
        assertEquals(Transcript.Ending.APP_HUNG_UP, transcript.ending(), transcript.toString());

        desk.choose("wrap-code", "DECLINE_EXPLAINED");
        desk.type("wrap-note", "<script>alert(1)</script>");
        desk.click("wrap-submit");
        desk.waitForTextContaining("message", "plain text");
        assertEquals("WRAP_UP", desk.state(), "a refused note changes nothing");
        assertEquals(0, desk.count("#message script, #pop script"));
        desk.screenshot("04-wrap-up-note-refused");

        desk.type("wrap-note", "Explained the decline (51); sent to the general queue.");
        desk.click("wrap-submit");
        // Written up, the officer is READY; Sara's callback waits for exactly that, so the dialler
        // may reserve them before the desk's next refresh shows READY (a full run once saw only
        // RESERVED within the 20 s). Either state says the write-up was taken; WRAP_UP would not.
        desk.waitForState("READY", "RESERVED");
        desk.screenshot("05-written-up-ready");

        // The callback: now the officer is ready, the phone bank calls Sara back through
        // FreeSWITCH's inbound Event Socket and bridges her to the officer's phone; the pop's
        // path shows the transfer.
        desk.waitForTextContaining("pop-path", "Transferred by the officer");
        desk.waitVisible("wrap-up", Duration.ofSeconds(40));
        desk.waitForState("WRAP_UP");
        assertTrue(
            freeswitch
                .log()
                .containsAll(
                    List.of(
                        "auth accepted",
                        "uuid_kill NORMAL_CLEARING",
                        "originate sofia/gateway/bank/<4 digits> &bridge(user/officer)"
                            + " ignore_early_media",
                        "customer answered",
                        "officer user/officer answered; bridged")),
            freeswitch.log().toString());
      }
      desk.choose("wrap-code", "RESOLVED");
      desk.type("wrap-note", "Called back.");
      desk.click("wrap-submit");
      desk.waitForState("READY");

      // Away, so that later calls of this run wait for no one.
      desk.click("away");
      desk.waitForState("AWAY");

      // The suggested article on the knowledge tree page, found also by a Persian search typed
      // with an Arabic keyboard's yeh.
      desk.go(OfficerConsole.ROOT + "/knowledge.html#decline-51");
      desk.waitForText("article-title", "Insufficient funds (51)");
      assertEquals("موجودی کافی نیست (۵۱)", desk.text("article-title-fa"));
      assertEquals(1, desk.count("#editor[hidden]"), "an officer is offered no editor");
      desk.type("search", "موجودي");
      desk.click("search-button");
      desk.waitForTextContaining("search-results", "Insufficient funds");
      desk.screenshot("10-knowledge-tree");
      desk.go(OfficerConsole.ROOT + "/");
      desk.waitForState("AWAY");

      // The same desk in Persian: laid out right to left, in the shipped font, today's date in
      // the Solar Hijri calendar with Persian digits (expected from ICU4J's Persian calendar).
      desk.language("fa");
      assertEquals("rtl", desk.direction());
      assertTrue(desk.fontLoaded("Noto Sans Arabic"), "the Persian font is served and used");
      com.ibm.icu.util.ULocale persian = new com.ibm.icu.util.ULocale("fa_IR@calendar=persian");
      com.ibm.icu.util.Calendar today = com.ibm.icu.util.Calendar.getInstance(persian);
      com.ibm.icu.text.NumberFormat digits = com.ibm.icu.text.NumberFormat.getInstance(persian);
      digits.setGroupingUsed(false);
      String year = digits.format(today.get(com.ibm.icu.util.Calendar.YEAR));
      String month = new com.ibm.icu.text.SimpleDateFormat("MMMM", persian).format(today);
      String date = desk.text("today");
      assertTrue(
          date.contains(year) && date.contains(month), date + " is not " + month + " " + year);
      assertTrue(year.matches("[۰-۹]{4}"), "Persian digits: " + year);
      assertEquals("غایب", desk.text("state"));
      desk.screenshot("06-desk-in-persian");

      // Signed out, the sign-in page keeps this browser's last choice: Persian.
      desk.click("sign-out");
      desk.waitVisible("sign-in-button", Duration.ofSeconds(20));
      desk.language("fa");
      assertEquals("rtl", desk.direction());
      desk.screenshot("07-sign-in-in-persian");

      // The supervisor's wallboard, in English, counts the answered call and shows its service
      // level; then in Persian.
      desk.language("en");
      desk.signIn("supervisor", OfficerConsole.password(STACK, "supervisor"));
      desk.go(OfficerConsole.ROOT + "/wallboard.html");
      desk.waitForCss(
          "#queues tr[data-queue='transfers'] td.answered", String.valueOf(answeredBefore + 1));
      assertTrue(
          desk.cssText("#queues tr[data-queue='transfers'] td.service-level").matches("[0-9]+%"),
          desk.cssText("#queues tr[data-queue='transfers'] td.service-level"));
      assertEquals(1, desk.count("#chart canvas"), "the chart is drawn");
      desk.screenshot("08-wallboard");
      desk.language("fa");
      assertEquals("rtl", desk.direction());
      assertTrue(
          desk.cssText("#queues tr[data-queue='transfers'] td.service-level").contains("٪"),
          desk.cssText("#queues tr[data-queue='transfers'] td.service-level"));
      desk.screenshot("09-wallboard-in-persian");

      // The supervisor (same browser, one Chromium fewer) edits an article with markup: refused
      // on the page, nothing stored.
      desk.go(OfficerConsole.ROOT + "/knowledge.html#decline-55");
      desk.waitForText("article-title", "Incorrect PIN (55)");
      // In the supervisor's language as they left the wallboard: Persian, right to left.
      assertEquals("rtl", desk.direction());
      assertEquals("درخت دانش", desk.cssText("h1"));
      desk.waitVisible("editor", Duration.ofSeconds(10));
      int versions = desk.count("#history li");
      desk.type("edit-body-en", "<script>alert(1)</script>");
      desk.click("edit-save");
      desk.waitForTextContaining("message", "plain text");
      assertEquals(0, desk.count("#article script, #message script"));
      desk.screenshot("11-knowledge-edit-refused");
      // A new load of the page (not a fragment change), reading the article afresh.
      desk.go(OfficerConsole.ROOT + "/knowledge.html?reloaded#decline-55");
      desk.waitForText("article-title", "Incorrect PIN (55)");
      assertEquals(versions, desk.count("#history li"), "a refused edit stores no version");
    }
  }

  @Test
  @Order(11)
  void everyConsoleEndpointKindRefusesStrangersAndTheWrongRole() throws Exception {
    HttpClient stranger = OfficerConsole.anonymous(STACK);
    HttpResponse<Void> page =
        stranger.send(
            HttpRequest.newBuilder(URI.create(OfficerConsole.ROOT + "/"))
                .header("Accept", "text/html")
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertTrue(page.statusCode() == 302 || page.statusCode() == 303, "page: " + page.statusCode());
    assertTrue(
        page.headers().firstValue("Location").orElse("").endsWith("/officer/sign-in.html"),
        page.headers().toString());
    assertEquals(401, statusOf(stranger, "/api/desk", "application/json"), "REST");
    assertEquals(401, statusOf(stranger, "/api/desk/events", "text/event-stream"), "SSE");

    HttpClient backOffice = new OfficerConsole(STACK, "backoffice").client();
    assertEquals(403, statusOf(backOffice, "/", "text/html"), "page, wrong role");
    assertEquals(403, statusOf(backOffice, "/api/desk", "application/json"), "REST, wrong role");
    assertEquals(
        403, statusOf(backOffice, "/api/desk/events", "text/event-stream"), "SSE, wrong role");

    assertEquals(401, statusOf(stranger, "/api/wallboard", "application/json"), "wallboard");
    assertEquals(
        401, statusOf(stranger, "/api/wallboard/events", "text/event-stream"), "wallboard SSE");
    assertEquals(403, statusOf(backOffice, "/wallboard.html", "text/html"), "wallboard page");
    assertEquals(403, statusOf(backOffice, "/api/wallboard", "application/json"), "wallboard");
    assertEquals(
        403,
        statusOf(backOffice, "/api/wallboard/events", "text/event-stream"),
        "wallboard SSE, wrong role");
    HttpClient officer = new OfficerConsole(STACK, "officer").client();
    assertEquals(403, statusOf(officer, "/wallboard.html", "text/html"), "an officer's wallboard");
    assertEquals(403, statusOf(officer, "/api/wallboard", "application/json"), "officer, REST");
    assertEquals(
        403, statusOf(officer, "/api/wallboard/events", "text/event-stream"), "officer, SSE");

    HttpClient supervisor = new OfficerConsole(STACK, "supervisor").client();
    assertEquals(
        403,
        statusOf(supervisor, "/api/desk/callers/1", "application/json"),
        "a supervisor is not served callers' contexts at the officer's desk");

    // The knowledge tree: officers and supervisors read, only supervisors edit.
    String edit = "/api/knowledge/articles/decline-51/versions";
    String body =
        "{\"baseVersion\":1,\"titleEnglish\":\"T\",\"titlePersian\":\"ع\","
            + "\"bodyEnglish\":\"B\",\"bodyPersian\":\"م\",\"responseCodes\":[\"99\"]}";
    assertEquals(401, statusOf(stranger, "/api/knowledge", "application/json"), "tree, stranger");
    assertEquals(401, postStatus(stranger, edit, body), "edit, stranger");
    assertEquals(
        403, statusOf(backOffice, "/api/knowledge", "application/json"), "tree, back office");
    assertEquals(200, statusOf(officer, "/api/knowledge", "application/json"), "tree, officer");
    assertEquals(403, postStatus(officer, edit, body), "an officer cannot edit an article");
    assertEquals(
        400, postStatus(supervisor, edit, body), "a supervisor's edit linking an unknown code");
  }

  private static int postStatus(HttpClient client, String path, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(OfficerConsole.ROOT + path))
            .header("X-Phonebank-Console", "1")
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /**
   * Every back-office endpoint (page, script, each REST path and method) refuses a stranger (401, a
   * page: the sign-in page) and the officer's and supervisor's roles (403); for the back office
   * itself bad input gets a clear error and an unknown item 404.
   */
  @Test
  @Order(11)
  void everyBackOfficeEndpointRefusesStrangersAndOtherRolesAndBadInputIsRefused() throws Exception {
    String[][] endpoints = {
      {"GET", "/backoffice/", "text/html"},
      {"GET", "/backoffice/backoffice.js", "application/javascript"},
      {"POST", "/api/backoffice/files?name=a.txt", "application/json"},
      {"GET", "/api/backoffice/runs", "application/json"},
      {"POST", "/api/backoffice/runs", "application/json"},
      {"GET", "/api/backoffice/runs/1", "application/json"},
      {"GET", "/api/backoffice/runs/1/report.csv", "text/csv"},
      {"GET", "/api/backoffice/runs/1/report.pdf", "application/pdf"},
      {"GET", "/api/backoffice/runs/daily", "application/json"},
      {"GET", "/api/backoffice/runs/1/items", "application/json"},
      {"GET", "/api/backoffice/items/1-0-0", "application/json"},
      {"POST", "/api/backoffice/items/1-0-0/resolutions", "application/json"},
      {"GET", "/api/backoffice/journal/1/items", "application/json"}
    };
    HttpClient stranger = OfficerConsole.anonymous(STACK);
    HttpClient officer = new OfficerConsole(STACK, "officer").client();
    HttpClient supervisor = new OfficerConsole(STACK, "supervisor").client();
    for (String[] endpoint : endpoints) {
      String what = endpoint[0] + " " + endpoint[1];
      HttpResponse<String> refused = send(stranger, endpoint[0], endpoint[1], endpoint[2], "{}");
      if (endpoint[2].equals("text/html")) {
        assertEquals(302, refused.statusCode(), what);
        assertTrue(
            refused.headers().firstValue("Location").orElse("").endsWith("/officer/sign-in.html"));
      } else {
        assertEquals(401, refused.statusCode(), "stranger: " + what);
      }
      assertEquals(
          403,
          send(officer, endpoint[0], endpoint[1], endpoint[2], "{}").statusCode(),
          "officer: " + what);
      assertEquals(
          403,
          send(supervisor, endpoint[0], endpoint[1], endpoint[2], "{}").statusCode(),
          "supervisor: " + what);
    }

    HttpClient backOffice = new OfficerConsole(STACK, "backoffice").client();
    assertEquals(200, send(backOffice, "GET", "/backoffice/", "text/html", "").statusCode());
    String markup = "{\"reason\":\"WRITE_OFF\",\"note\":\"<b>ok</b>\",\"follows\":0}";
    HttpResponse<String> badNote =
        send(backOffice, "POST", "/api/backoffice/items/999999-0-0/resolutions", "", markup);
    assertEquals(400, badNote.statusCode(), badNote.body());
    assertTrue(badNote.body().contains("plain text"), badNote.body());
    String tooLong =
        "{\"reason\":\"WRITE_OFF\",\"note\":\"" + "x".repeat(501) + "\",\"follows\":0}";
    assertEquals(
        400,
        send(backOffice, "POST", "/api/backoffice/items/999999-0-0/resolutions", "", tooLong)
            .statusCode());
    String fine = "{\"reason\":\"WRITE_OFF\",\"note\":\"fine\",\"follows\":0}";
    assertEquals(
        404,
        send(backOffice, "POST", "/api/backoffice/items/999999-0-0/resolutions", "", fine)
            .statusCode(),
        "an unknown item");
    assertEquals(
        400, send(backOffice, "GET", "/api/backoffice/items/not-an-item", "", "").statusCode());
    assertEquals(
        400,
        send(backOffice, "POST", "/api/backoffice/runs", "", "{\"businessDate\":\"2026-02-30\"}")
            .statusCode(),
        "a day that does not exist");
    assertEquals(
        409,
        send(backOffice, "POST", "/api/backoffice/runs", "", "{\"businessDate\":\"2001-01-01\"}")
            .statusCode(),
        "no file loaded for that date");
    assertEquals(
        400,
        send(backOffice, "POST", "/api/backoffice/files?name=%3Cb%3E.txt", "", "H").statusCode(),
        "a file name with markup");
  }

  private static HttpResponse<String> send(
      HttpClient client, String method, String path, String accept, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(OfficerConsole.ROOT + path))
            .timeout(Duration.ofSeconds(10));
    if (!accept.isEmpty()) {
      request.header("Accept", accept);
    }
    if (method.equals("POST")) {
      request
          .header("X-Phonebank-Console", "1")
          .header(
              "Content-Type",
              path.contains("/files") ? "application/octet-stream" : "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Issue 13 item 7 in Chromium: a back-office user signs in (and lands on the back office), a file
   * with CR LF line ends is refused with its errors by line, the real file is loaded, its run is
   * started and followed to its end, an exception is opened and resolved (a note with markup
   * refused first), and the run's report is downloaded.
   */
  @Test
  @Order(16)
  void aBackOfficeUserUploadsAFileRunsItResolvesAnExceptionAndDownloadsTheReport()
      throws Exception {
    LocalDate day = LocalDate.of(2026, 1, 17);
    Path folder = Path.of("target", "back-office");
    Files.createDirectories(folder);
    Path downloads = folder.resolve("downloads");
    if (Files.isDirectory(downloads)) {
      try (var old = Files.list(downloads)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
    }
    List<SettlementRecord> records = SettlementInbox.unknownItems(day, 12);
    byte[] content =
        org.phonebank.settlement.file.SettlementFileWriter.write(
            new org.phonebank.settlement.file.SettlementHeader(
                "603799",
                SettlementInbox.TERMINAL,
                day,
                java.time.LocalTime.of(23, 0),
                java.time.Instant.now()),
            records);
    Path good = Files.write(folder.resolve("switch-" + day + ".txt"), content);
    Path crlf =
        Files.writeString(
            folder.resolve("switch-" + day + "-crlf.txt"),
            new String(content, StandardCharsets.US_ASCII).replace("\n", "\r\n"));

    try (DeskBrowser office = DeskBrowser.open()) {
      office.downloadTo(downloads);
      office.signInTo("backoffice", OfficerConsole.password(STACK, "backoffice"), "upload");
      assertTrue(office.currentUrl().endsWith("/officer/backoffice/"), office.currentUrl());

      office.attach("file", crlf);
      office.click("upload");
      office.waitForTextContaining("upload-result", "Quarantined");
      List<String> errors = office.texts("#upload-errors li");
      assertTrue(errors.stream().anyMatch(e -> e.startsWith("line ")), errors.toString());
      office.screenshot("11-back-office-file-quarantined");

      office.attach("file", good);
      office.click("upload");
      office.waitForTextContaining("upload-result", "Loaded");
      assertEquals(day.toString(), office.value("run-date"));
      office.click("start-run");
      office.waitVisible("progress", Duration.ofSeconds(60));
      office.waitForText("run-state", "COMPLETED", Duration.ofSeconds(90));
      // 12 items the journal cannot know (the 7th a reversal of nothing), the 10th settled twice.
      assertEquals("13", office.text("run-items"));
      assertEquals("0", office.text("run-matched"));
      assertEquals("13", office.text("run-exceptions"));
      // The 30-day chart (uPlot) draws the dates reconciled so far, this one among them.
      office.waitFor("#daily-chart:not([data-days='0']) canvas", Duration.ofSeconds(20));
      office.screenshot("12-back-office-run-completed");

      office.waitFor("#items tbody tr", Duration.ofSeconds(20));
      office.clickFirst("#items button.open-item");
      office.waitVisible("item", Duration.ofSeconds(20));
      String itemId = office.text("item-id");
      assertTrue(office.text("item-line").contains("603799******7893"), office.text("item-line"));
      assertTrue(office.text("item-entry").contains("none"), "unknown to us: no journal entry");

      office.choose("resolve-reason", "CHASE_SWITCH");
      office.type("resolve-note", "<img src=x>");
      office.click("resolve-submit");
      office.waitForTextContaining("message", "plain text");
      assertEquals(0, office.count("#item-resolutions li"), "a refused note stores nothing");
      office.type("resolve-note", "Asked the switch for the original of this item.");
      office.click("resolve-submit");
      office.waitFor("#item-resolutions li", Duration.ofSeconds(20));
      assertTrue(
          office.texts("#item-resolutions li").get(0).startsWith("CHASE_SWITCH by backoffice"),
          office.texts("#item-resolutions li").toString());
      office.waitForText("resolve-submit", "Supersede resolution 1");
      office.waitForCssContaining("#items tr[data-item='" + itemId + "'] td.status", "CHASING");
      office.screenshot("13-back-office-exception-resolved");

      office.click("report-link");
      Path report = downloaded(downloads, ".csv");
      String csv = Files.readString(report, StandardCharsets.UTF_8);
      assertTrue(csv.startsWith("business date," + day), csv);
      assertEquals(
          new Reconciler(SettlementInbox.TEHRAN)
              .reconcile(day, SettlementInbox.TERMINAL, List.of(), records)
              .totals(),
          SettlementInbox.totals(report));

      // The same report as PDF: its figures read back tie to the file's trailer.
      office.click("report-pdf-link");
      Path pdf = downloaded(downloads, ".pdf");
      String text;
      try (org.apache.pdfbox.pdmodel.PDDocument document =
          org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
        org.apache.pdfbox.text.PDFTextStripper stripper =
            new org.apache.pdfbox.text.PDFTextStripper();
        stripper.setSortByPosition(true);
        text = stripper.getText(document);
      }
      org.phonebank.settlement.SettlementTotals trailer =
          org.phonebank.settlement.SettlementTotals.of(records);
      String net = String.format(java.util.Locale.ROOT, "%,d", trailer.net().value());
      assertTrue(text.contains("\nnet " + net + " " + net + " "), text);
      assertTrue(text.contains("Ties to the switch's control totals: yes"), text);
      assertTrue(text.contains(day.toString()) && text.contains("1404/10/27"), text);
    }
  }

  /** The file ending in {@code extension} that the browser downloaded, once it is there. */
  private static Path downloaded(Path downloads, String extension) throws Exception {
    return SettlementInbox.await(
        Duration.ofSeconds(30),
        "the downloaded " + extension,
        () -> {
          try (var files = Files.list(downloads)) {
            return files.filter(f -> f.toString().endsWith(extension)).findFirst();
          }
        });
  }

  private static int statusOf(HttpClient client, String path, String accept) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(OfficerConsole.ROOT + path))
            .header("Accept", accept)
            .timeout(Duration.ofSeconds(10))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  @Order(12)
  void aBlockedCardHearsAReferenceAndIsRefusedOnTheNextCall() {
    Transcript block = call(signIn("2", SARA_SAVINGS) + " 5 1 1");
    String heard = heard(block);
    assertTrue(heard.contains(say(Phrase.CARD_BLOCKED, Language.ENGLISH)), heard);
    assertTrue(
        heard.contains(
            say(Phrase.REFERENCE_NUMBER_IS, Language.ENGLISH)
                .replace(".", "")
                .trim()
                .split(" ")[0]),
        heard);

    Transcript next = call(signIn("2", SARA_SAVINGS) + LEAVE);
    assertFalse(heard(next).contains(say(Phrase.MAIN_MENU, Language.ENGLISH)), heard(next));
  }

  /**
   * A day of calls through the whole stack (phone simulator, Event Socket, Payara, switch
   * simulator) while the switch's clearing misbehaves in every way docs/settlement-file.md "Faults
   * that make every difference" lists, with declines, timeouts, dropped answers and reversals among
   * them; then the switch's own settlement file of the day, imported through the back office's
   * inbox and reconciled by the batch job: every difference kind comes out, each as often and for
   * as much as its faults were set, and the report ties to the file's trailer. The day's earlier
   * calls (of the steps before, or of an earlier run in a reused state folder) are reconciled once
   * before these, so only what these calls add is counted.
   */
  @Test
  @Order(13)
  void aDayOfCallsWithTheSwitchsFaultsReconcilesToEveryDifferenceKindAndTiesToTheTrailer()
      throws Exception {
    SettlementInbox inbox = new SettlementInbox(STACK);
    STACK.switchAdmin("fault clear");
    LocalDate day = LocalDate.parse(STACK.switchAdmin("business-date"));
    Map<DifferenceKind, KindTotal> before =
        SettlementInbox.totals(settleAndReconcile(inbox, day).report());
    int reversals = Integer.parseInt(STACK.switchAdmin("reversals"));
    Map<DifferenceKind, KindTotal> expected = new java.util.EnumMap<>(DifferenceKind.class);

    // Approved and settled as answered, twice; a decline for want of money and an inquiry, which
    // settle nothing.
    long amount = 1_000_000;
    transferWithFaults(++amount, true);
    expected.merge(DifferenceKind.MATCHED, one(amount), PhoneBankCallIT::plus);
    transferWithFaults(++amount, true);
    expected.merge(DifferenceKind.MATCHED, one(amount), PhoneBankCallIT::plus);
    Transcript declined =
        call(signIn("2", MARYAM) + " 3 2 " + NARGES.card().digits() + "# 1000000# 1");
    assertFalse(heard(declined).contains(say(Phrase.TRANSFER_DONE, Language.ENGLISH)));
    call(signIn("2", MARYAM) + " 1");
    // The clearing's faults, one money movement each.
    transferWithFaults(++amount, true, "settle-amount-next 1");
    expected.merge(DifferenceKind.AMOUNT_MISMATCH, one(amount + 1_000), PhoneBankCallIT::plus);
    transferWithFaults(++amount, true, "settle-class-next 1");
    expected.merge(DifferenceKind.PROCESSING_CODE_MISMATCH, one(amount), PhoneBankCallIT::plus);
    transferWithFaults(++amount, true, "unsettled-next 1");
    expected.merge(DifferenceKind.MISSING_AT_SWITCH, one(amount), PhoneBankCallIT::plus);
    transferWithFaults(++amount, true, "phantom-next 1");
    expected.merge(DifferenceKind.MATCHED, one(amount), PhoneBankCallIT::plus);
    expected.merge(DifferenceKind.UNKNOWN_TO_US, one(amount), PhoneBankCallIT::plus);
    transferWithFaults(++amount, true, "settle-twice-next 1");
    expected.merge(DifferenceKind.MATCHED, one(amount), PhoneBankCallIT::plus);
    expected.merge(DifferenceKind.DUPLICATE, one(amount), PhoneBankCallIT::plus);
    transferWithFaults(++amount, false, "settle-declined-next 1");
    expected.merge(DifferenceKind.DECLINED_BUT_SETTLED, one(amount), PhoneBankCallIT::plus);
    transferWithFaults(++amount, true, "previous-date-next 1");
    expected.merge(DifferenceKind.SETTLED_ON_ANOTHER_DATE, one(amount), PhoneBankCallIT::plus);
    // Answers dropped: the phone bank times out and reverses. One reversal goes through cleanly
    // (nothing to report), one is acknowledged but the original stays settled, one is settled
    // without its original; each is processed before the next call.
    transferWithFaults(++amount, false, "drop-movement-next 1");
    awaitReversals(++reversals);
    transferWithFaults(++amount, false, "keep-settled-next 1", "drop-movement-next 1");
    awaitReversals(++reversals);
    expected.merge(DifferenceKind.REVERSED_BUT_SETTLED, one(amount), PhoneBankCallIT::plus);
    transferWithFaults(++amount, false, "orphan-reversal-next 1", "drop-movement-next 1");
    awaitReversals(++reversals);
    expected.merge(DifferenceKind.REVERSAL_WITHOUT_ORIGINAL, one(amount), PhoneBankCallIT::plus);
    // The last reversal is held by the switch: still in store-and-forward when the file comes.
    transferWithFaults(++amount, false, "hold-reversals on", "drop-movement-next 1");
    expected.merge(DifferenceKind.REVERSAL_QUEUED_BUT_SETTLED, one(amount), PhoneBankCallIT::plus);

    Settled after = settleAndReconcile(inbox, day);
    // The held reversal goes through on its next repeat, so the journal ends final.
    STACK.switchAdmin("fault hold-reversals off");
    awaitReversals(++reversals);
    STACK.switchAdmin("fault clear");

    Map<DifferenceKind, KindTotal> added = new java.util.EnumMap<>(DifferenceKind.class);
    for (Map.Entry<DifferenceKind, KindTotal> kind :
        SettlementInbox.totals(after.report()).entrySet()) {
      KindTotal earlier = before.getOrDefault(kind.getKey(), KindTotal.NONE);
      KindTotal now = kind.getValue();
      if (now.count() != earlier.count()) {
        added.put(
            kind.getKey(),
            new KindTotal(now.count() - earlier.count(), now.amount().minus(earlier.amount())));
      }
    }
    assertEquals(Set.of(DifferenceKind.values()), added.keySet(), "every kind occurs: " + added);
    assertEquals(expected, added);

    // The report ties to the trailer of the switch's file, as the project's own parser reads it.
    String report = Files.readString(after.report(), StandardCharsets.UTF_8);
    assertTrue(report.contains("\nties to the switch's control totals,yes"), report);
    org.phonebank.settlement.file.SettlementFile file =
        new org.phonebank.settlement.file.SettlementFileParser(10_000_000)
            .parse(after.content(), day, SettlementInbox.TERMINAL);
    assertTrue(report.contains("\nnet,," + file.totals().net().value() + "\n"), report);
    assertTrue(
        report.contains("\ndetail count," + file.records().size() + "," + file.records().size()),
        report);
  }

  /** The switch's settlement file of {@code day} and the report of the run it started. */
  private record Settled(byte[] content, Path report) {}

  /**
   * Asks the switch simulator for its settlement file of {@code day}, drops it into the inbox
   * (which loads it and starts a run) and waits for the run's report.
   */
  private static Settled settleAndReconcile(SettlementInbox inbox, LocalDate day) throws Exception {
    Set<Path> earlier = new HashSet<>(inbox.reports(day));
    Path folder = STACK.state().resolve("settlement");
    Files.createDirectories(folder.resolve("inbox"));
    String name = "switch-" + day + "-" + System.currentTimeMillis() + ".txt";
    // Written beside the inbox and moved in, so the scanner never sees half a file.
    Path partial = folder.resolve(name + ".part");
    STACK.switchAdmin("settle " + day + " " + SettlementInbox.TERMINAL + " " + partial);
    byte[] content = Files.readAllBytes(partial);
    Files.move(partial, folder.resolve("inbox").resolve(name));
    Path report =
        SettlementInbox.await(
            Duration.ofSeconds(180),
            "the report of the run of " + name,
            () -> inbox.report(day, p -> !earlier.contains(p)));
    return new Settled(content, report);
  }

  /**
   * Reza sends {@code rials} to Narges's card with the switch's {@code faults} set for it; {@code
   * done} says whether he hears the transfer done.
   */
  private static void transferWithFaults(long rials, boolean done, String... faults)
      throws Exception {
    for (String fault : faults) {
      STACK.switchAdmin("fault " + fault);
    }
    Transcript transcript =
        call(signIn("2", REZA) + " 3 2 " + NARGES.card().digits() + "# " + rials + "# 1");
    assertEquals(
        done,
        heard(transcript).contains(say(Phrase.TRANSFER_DONE, Language.ENGLISH)),
        heard(transcript));
  }

  /** Waits until the switch has processed {@code count} reversals since it started. */
  private static void awaitReversals(int count) throws Exception {
    SettlementInbox.await(
        Duration.ofSeconds(90),
        count + " reversals processed by the switch",
        () ->
            Integer.parseInt(STACK.switchAdmin("reversals")) >= count
                ? java.util.Optional.of(true)
                : java.util.Optional.empty());
  }

  private static KindTotal one(long rials) {
    return new KindTotal(1, Rials.of(rials));
  }

  private static KindTotal plus(KindTotal a, KindTotal b) {
    return new KindTotal(a.count() + b.count(), a.amount().plus(b.amount()));
  }

  /** MicroProfile Health as Payara serves it, read the way a load balancer would. */
  @Test
  @Order(13)
  void theMetricsCountAServedCallItsTwoBalanceInquiriesTheirRoundTripsAndOwnTimes()
      throws Exception {
    String before = metrics();
    // Sign-in verifies the PIN with a balance inquiry; menu 1 asks for the balance again.
    // (Sara's balance here is the demo balance less the transfer and bill of earlier tests.)
    Transcript served = call(signIn("2", SARA) + " 1" + LEAVE);
    assertTrue(heard(served).contains(say(Phrase.BALANCE_IS, Language.ENGLISH)), heard(served));
    String after = metrics();

    String ended = "phonebank_calls_ended_total{ending=\"SERVED\",mp_scope=\"application\"}";
    String balances =
        "phonebank_switch_requests_total{mp_scope=\"application\",response_code=\"00\","
            + "type=\"BALANCE_INQUIRY\"}";
    String roundTrips =
        "phonebank_switch_round_trip_seconds_count{mp_scope=\"application\","
            + "type=\"BALANCE_INQUIRY\"}";
    assertEquals(sample(before, ended) + 1, sample(after, ended), after);
    assertEquals(sample(before, balances) + 2, sample(after, balances), after);
    assertEquals(sample(before, roundTrips) + 2, sample(after, roundTrips), after);
    // Keys answered with a switch request: the PIN (sign-in's inquiry) and menu 1's inquiry.
    String ownAsked =
        "phonebank_key_own_time_seconds_count{mp_scope=\"application\",switch=\"asked\"}";
    String ownNotAsked =
        "phonebank_key_own_time_seconds_count{mp_scope=\"application\",switch=\"not-asked\"}";
    assertEquals(sample(before, ownAsked) + 2, sample(after, ownAsked), after);
    assertTrue(sample(after, ownNotAsked) >= sample(before, ownNotAsked) + 2, after);
    // The exact counts within each limit: never more than the keys timed, never fewer within a
    // wider limit than within a narrower one.
    double widerWithin = sample(after, ownAsked) - sample(before, ownAsked);
    for (String limit : List.of("50", "20", "10", "5", "2", "1")) {
      String within =
          "phonebank_key_own_time_within_total{mp_scope=\"application\",switch=\"asked\","
              + "within_ms=\""
              + limit
              + "\"}";
      assertTrue(after.contains(within + " "), within);
      double counted = sample(after, within) - sample(before, within);
      assertTrue(counted >= 0 && counted <= widerWithin, limit + " ms: " + counted);
      widerWithin = counted;
    }
    assertEquals(1.0, sample(after, "phonebank_switch_link_up{mp_scope=\"application\"}"));
    double containment = sample(after, "phonebank_containment_ratio{mp_scope=\"application\"}");
    assertTrue(containment > 0 && containment <= 1, "containment " + containment);
    assertTrue(
        after.contains(
            "phonebank_switch_round_trip_seconds_bucket{mp_scope=\"application\","
                + "type=\"BALANCE_INQUIRY\",le=\"0.05\"}"),
        "round trips in the configured histogram buckets");
    assertTrue(
        after.contains(
            "phonebank_key_own_time_seconds_bucket{mp_scope=\"application\",switch=\"asked\","
                + "le=\"0.005\"}"),
        "own times in the configured histogram buckets");
    for (String gauge :
        List.of(
            "phonebank_calls_in_progress",
            "phonebank_saf_depth",
            "phonebank_saf_oldest_age_seconds",
            "phonebank_reversals_pending",
            "phonebank_journal_failures_total",
            "phonebank_calls_refused_total",
            "phonebank_switch_failovers_total")) {
      assertTrue(after.contains("\n" + gauge + "{mp_scope=\"application\"} "), gauge);
    }
  }

  @Test
  @Order(13)
  void theCallLoadBenchmarkRunsAtATinySizeWithNoErrors() throws Exception {
    String printed =
        STACK.bench(
            "calls",
            300,
            "--concurrent",
            "4",
            "--rate",
            "4",
            "--duration",
            "3",
            "--warm-up",
            "1",
            "--think-ms",
            "200",
            "--no-memory");
    Matcher placed = Pattern.compile("\\| calls placed \\| (\\d+) \\|").matcher(printed);
    assertTrue(placed.find(), printed);
    assertTrue(Integer.parseInt(placed.group(1)) >= 4, printed);
    assertTrue(printed.contains("| errors | 0 |"), printed);
    // The app's own share, read from its metrics before and after: every PIN asked the switch.
    Matcher asked =
        Pattern.compile(
                "\\| switch asked \\(the app's share of a switch round trip\\) \\| (\\d+) \\|")
            .matcher(printed);
    assertTrue(asked.find(), printed);
    // Every PIN step answered with the main menu asked the switch (timed and warm-up calls); on one
    // card a fourth PIN check in flight is refused before the switch (issue 14), so not every call.
    Matcher menu =
        Pattern.compile(
                "\\| main-menu \\(expected: the switch answered\\) \\| (\\d+) \\| (\\d+) \\|")
            .matcher(printed);
    assertTrue(menu.find(), printed);
    int reachedTheMenu = Integer.parseInt(menu.group(1)) + Integer.parseInt(menu.group(2));
    assertTrue(reachedTheMenu >= 1, printed);
    assertTrue(Integer.parseInt(asked.group(1)) >= reachedTheMenu, printed);
    // The exact shares within each limit, one figure per limit for each kind of key.
    assertTrue(
        Pattern.compile("\\| switch asked \\| \\d+( \\| \\d+ \\(\\d+\\.\\d\\d %\\)){6} \\|")
            .matcher(printed)
            .find(),
        printed);
    // The durable floor beside it, from the same disk during the same 2 s: one write every 10 ms.
    Matcher floor =
        Pattern.compile("\\| one write, as each journal commit makes at least one \\| (\\d+) \\|")
            .matcher(printed);
    assertTrue(floor.find(), printed);
    assertTrue(Integer.parseInt(floor.group(1)) >= 100, printed);
    assertTrue(printed.contains("machine CPU busy during the calls: "), printed);
  }

  @Test
  @Order(13)
  void theWholeCallBenchmarkRunsAtATinySize() throws Exception {
    String printed = STACK.bench("backbone", 120, "--attached", "--calls", "2", "--warm-up", "1");
    assertTrue(printed.contains("balance call (connect to hang-up)"), printed);
    assertTrue(printed.contains("ratio full/baseline: p50"), printed);
  }

  private static String metrics() throws Exception {
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://127.0.0.1:"
                                + PhoneBankStack.HTTP_PORT
                                + "/metrics?scope=application"))
                    .timeout(Duration.ofSeconds(20))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  /** The value of one sample line, 0 when the series does not exist yet. */
  private static double sample(String exposition, String series) {
    for (String line : exposition.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    return 0;
  }

  private static String health(String path) throws Exception {
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://127.0.0.1:" + PhoneBankStack.HTTP_PORT + "/health/" + path))
                    .timeout(Duration.ofSeconds(20))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body().replaceAll("\\s", "");
  }

  @Test
  @Order(13)
  void aStartedPhoneBankIsLiveStartedAndReadyAndStatusSaysSo() throws Exception {
    assertTrue(health("live").startsWith("200 ") && health("live").contains("phonebank-live"));
    assertTrue(health("started").contains("\"name\":\"phonebank-started\",\"status\":\"UP\""));
    String ready = health("ready");
    assertTrue(ready.startsWith("200 "), ready);
    assertTrue(ready.contains("\"switch-link\":\"UP\""), ready);
    assertTrue(ready.contains("\"database\":\"UP\""), ready);
    assertTrue(ready.contains("\"event-socket\":\"UP\""), ready);
    assertTrue(STACK.status().contains("/health/ready): UP"), "status prints readiness");
  }

  @Test
  @Order(15)
  void withTheSwitchDownTheBankIsNotReadyAndSaysWhy() throws Exception {
    // After the kill -9 test: its caller on hold must sign in, which needs the switch. The next
    // test's start brings the switch simulator back.
    STACK.killSwitch();
    String ready = health("ready");
    for (int i = 0; i < 120 && !ready.startsWith("503 "); i++) {
      Thread.sleep(500);
      ready = health("ready");
    }
    assertTrue(ready.startsWith("503 "), ready);
    assertTrue(ready.contains("\"switch-link\":\"DOWN\""), ready);
    assertTrue(ready.contains("switchlinknotsignedon"), ready);
    assertTrue(STACK.status().contains("not ready: switch link not signed on"));
  }

  /**
   * A power cut: Payara killed with calls on the line, one of them on hold in an officers' queue,
   * then started again on the same state folder. The old deployment must not be reloaded (no
   * SEVERE, no "already in use"), so the new one starts clean, recovers, and answers the next call;
   * and the caller who was on hold is recorded as ended by the system (issue 11 item 4), on the
   * supervisor's wallboard as in the start's log, with no officer left reserved or busy.
   */
  @Test
  @Order(14)
  void afterAKillNineThePhoneBankStartsCleanAndAnswersTheNextCall() throws Exception {
    long added = System.nanoTime();
    OfficerConsole supervisor = new OfficerConsole(STACK, "supervisor");
    String before = supervisor.wallboard();
    // LOGGED_OUT on a new state folder, AWAY after the officer's desk test: nobody takes the call.
    assertEquals(0, OfficerConsole.officersIn(before, "READY"), before);
    int endedBefore = OfficerConsole.queueFigure(before, "general", "endedBySystem");

    // Sara presses 0 at the main menu and holds; her first stretch of hold music plays on (her
    // call's event loop blocked) until Payara has been killed and started again.
    CountDownLatch onHold = new CountDownLatch(1);
    CountDownLatch restarted = new CountDownLatch(1);
    String printed;
    try (CallGenerator generator = new CallGenerator(1, STACK.eslPeerSecret())) {
      CompletableFuture<Transcript> holding =
          generator.place(
              "127.0.0.1",
              PhoneBankStack.ESL_PORT,
              CallScript.parse(signIn("2", SARA) + " 0 H"),
              Duration.ZERO,
              Duration.ofMinutes(30),
              holdMusicPlaysUntil(onHold, restarted));
      try {
        assertTrue(onHold.await(60, TimeUnit.SECONDS), "Sara is on hold in the general queue");
        assertEquals(
            1, OfficerConsole.queueFigure(supervisor.wallboard(), "general", "waiting"), "on hold");
        added = System.nanoTime() - added;
        // The restart benchmark at its tiny size: five calls on the line, kill -9 of Payara,
        // start, no SEVERE or "already in use" in server.log since, and a balance call answered.
        printed = STACK.bench("restarts", 1800, "--attached", "--restarts", "1");
      } finally {
        restarted.countDown();
      }
      Transcript held = holding.join();
      System.out.println(String.join("\n", held.lines()));
      assertTrue(heard(held).contains(say(Phrase.HOLD_FOR_OFFICER, Language.ENGLISH)), heard(held));
    }
    long checks = System.nanoTime();
    assertTrue(printed.contains("restart  1 after kill -9 with calls up"), printed);
    assertTrue(printed.contains("clean restarts: 1 of 1;"), printed);
    Matcher ended =
        Pattern.compile("callers of the killed run ended by the system: (\\d+)").matcher(printed);
    assertTrue(ended.find() && Integer.parseInt(ended.group(1)) >= 1, printed);

    String after = new OfficerConsole(STACK, "supervisor").wallboard();
    assertEquals(
        endedBefore + 1, OfficerConsole.queueFigure(after, "general", "endedBySystem"), after);
    assertEquals(0, OfficerConsole.queueFigure(after, "general", "waiting"), after);
    assertEquals(0, OfficerConsole.officersIn(after, "RESERVED"), after);
    assertEquals(0, OfficerConsole.officersIn(after, "BUSY"), after);
    System.out.printf(
        "the caller on hold in %d ms, the wallboard after the restart read in %d ms%n",
        added / 1_000_000, (System.nanoTime() - checks) / 1_000_000);

    // The switch simulator runs on through this restart (the next test kills it), so Sara's balance
    // is the demo balance less the transfer and bill of earlier tests: the answer, not the amount.
    Transcript transcript = call(signIn("2", SARA) + " 1" + LEAVE);
    assertTrue(
        heard(transcript).contains(say(Phrase.BALANCE_IS, Language.ENGLISH)), heard(transcript));
  }

  /**
   * Leaves the caller listening to hold music: the first hold stretch's collection (its file list
   * ends with the hold music) blocks the call's event loop until {@code released}, as a long piece
   * of music would keep FreeSWITCH's {@code play_and_get_digits} going; the phone bank waits.
   */
  private static CallListener holdMusicPlaysUntil(CountDownLatch onHold, CountDownLatch released) {
    return new CallListener() {
      @Override
      public void commandReceived(String name, String argument, long nanoTime) {
        if (name.equals("play_and_get_digits")
            && argument.contains("hold-music")
            && onHold.getCount() > 0) {
          onHold.countDown();
          try {
            released.await(30, TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
  }

  /**
   * Issue 13 item 3: a run killed with the JVM, the server's domain then rebuilt from scratch, and
   * the phone bank started again: the batch job repository (outside the domain) still knows the
   * killed execution, the phone bank restarts it, and the restarted run ends exactly as an
   * uninterrupted one (no duplicate, no missing row).
   */
  @Test
  @Order(16)
  void aReconciliationRunKilledWithTheJvmAndRestartedOnARebuiltDomainEndsAsAnUninterruptedOne()
      throws Exception {
    SettlementInbox inbox = new SettlementInbox(STACK);
    LocalDate day = LocalDate.of(2026, 1, 15);
    List<SettlementRecord> records = SettlementInbox.unknownItems(day, 3_000);
    // The uninterrupted result: the plain-Java reconciler over the same file and an empty journal
    // (the calls of this run are on today's business date, not this one).
    Map<DifferenceKind, KindTotal> expected =
        new Reconciler(SettlementInbox.TEHRAN)
            .reconcile(day, SettlementInbox.TERMINAL, List.of(), records)
            .totals();

    // A reused state folder may hold reports, runs and log lines of earlier runs (an unfinished
    // one of the same date is resumed at start): only this run, named when its file is loaded,
    // counts.
    long mark = inbox.logMark();
    String file = "switch-" + day + ".txt";
    inbox.drop(file, day, records);
    long run =
        SettlementInbox.await(
            Duration.ofSeconds(120),
            "the file loaded and its run started",
            () -> inbox.run(mark, file));
    int[] halfWay =
        SettlementInbox.await(
            Duration.ofSeconds(120),
            "the run to write its first groups",
            () -> inbox.progress(mark, run).filter(p -> p[0] > 0));
    STACK.killServer();
    assertTrue(halfWay[0] < halfWay[1], "killed before the end: " + halfWay[0]);
    long killed =
        inbox
            .execution(inbox.logSince(mark), run)
            .orElseThrow(() -> new AssertionError("no job execution named for run " + run));
    assertTrue(inbox.report(day, run).isEmpty(), "no report before restart");

    STACK.deleteDomain();
    STACK.start();
    Path report =
        SettlementInbox.await(
            Duration.ofSeconds(180), "the restarted run's report", () -> inbox.report(day, run));

    assertEquals(expected, SettlementInbox.totals(report));
    // The new domain's server.log holds only what came since it was made.
    String log = inbox.logSince(0);
    Matcher resumed =
        Pattern.compile(
                "Resuming reconciliation run "
                    + run
                    + " of "
                    + day
                    + " after group (\\d+): job execution (\\d+) restarted as (\\d+)")
            .matcher(log);
    assertTrue(resumed.find(), "the killed execution was restarted, not started again");
    assertTrue(Integer.parseInt(resumed.group(1)) > 0, "restarted after a checkpoint");
    assertEquals(killed, Long.parseLong(resumed.group(2)), "the killed execution restarted");
    long restarted = Long.parseLong(resumed.group(3));
    assertEquals(restarted, inbox.execution(log, run).orElseThrow());

    // The rebuilt server's batch runtime knows both: the killed execution (left STARTED, as the
    // JVM died under it) and its restart, completed.
    String executions = STACK.asadmin("list-batch-job-executions");
    assertTrue(
        Pattern.compile("(?m)^\\s*reconciliation\\s+" + killed + "\\s.*STARTED")
            .matcher(executions)
            .find(),
        executions);
    assertTrue(
        Pattern.compile("(?m)^\\s*reconciliation\\s+" + restarted + "\\s.*COMPLETED")
            .matcher(executions)
            .find(),
        executions);
  }

  @Test
  @Order(17) // last to sign in to the console: the throttle then refuses this address
  void theConsoleIsHttpsOnlyUnframeableRefusesCrossSitePostsAndThrottlesGuessing()
      throws Exception {
    OfficerConsole console = new OfficerConsole(STACK);
    HttpClient plain = HttpClient.newHttpClient();
    HttpResponse<Void> overHttp =
        plain.send(
            HttpRequest.newBuilder(URI.create(OfficerConsole.PLAIN_BASE)).build(),
            HttpResponse.BodyHandlers.discarding());
    assertEquals(302, overHttp.statusCode(), "plain HTTP is sent to HTTPS, never served");
    assertTrue(
        overHttp.headers().firstValue("Location").orElse("").startsWith("https://"),
        overHttp.headers().toString());

    HttpResponse<Void> page =
        console
            .client()
            .send(
                HttpRequest.newBuilder(URI.create(OfficerConsole.BASE)).build(),
                HttpResponse.BodyHandlers.discarding());
    assertEquals(200, page.statusCode());
    assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
    assertTrue(
        page.headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("frame-ancestors 'none'"),
        page.headers().toString());
    assertTrue(page.headers().firstValue("Strict-Transport-Security").isPresent());

    HttpResponse<Void> crossSite =
        console
            .client()
            .send(
                HttpRequest.newBuilder(
                        URI.create(OfficerConsole.BASE + "/" + "0".repeat(64) + "/unlock"))
                    .header("Origin", "https://evil.example")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    assertEquals(403, crossSite.statusCode(), "a post without the console's header is refused");

    HttpResponse<Void> adminWithoutPassword =
        plain.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + PhoneBankStack.ADMIN_PORT + "/management/domain"))
                .header("X-Requested-By", "phonebank-test")
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertEquals(401, adminWithoutPassword.statusCode(), "Payara's admin wants its password");
    for (java.net.InetAddress other : nonLoopbackAddresses()) {
      // bound to 127.0.0.1 only
      assertFalse(answers(other, PhoneBankStack.ADMIN_PORT), "Payara's admin answers on " + other);
    }

    // Last in this run: the throttle then refuses this address for fifteen minutes.
    HttpClient signIn = OfficerConsole.anonymous(STACK);
    for (int i = 0; i < 5; i++) {
      assertEquals(401, OfficerConsole.signIn(signIn, "mallory", "guess-" + i));
    }
    HttpResponse<Void> throttled = OfficerConsole.signInResponse(signIn, "mallory", "guess-5");
    assertEquals(429, throttled.statusCode());
    assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
    assertEquals(
        429,
        OfficerConsole.signIn(signIn, "officer", OfficerConsole.password(STACK, "officer")),
        "from a throttled address even the right password is not checked");
  }

  /**
   * What a stranger's scanner reads off the server: no product, no version, on either listener. By
   * default every response said "Payara Server 6.2025.9" in its Server and X-Powered-By headers, an
   * error page (any 401 or 404) said it in its title and footer, and the front page was Payara's;
   * the launcher turns all three off (docs/operations.md, SECURITY.md).
   */
  @Test
  @Order(17) // after the restarts of 14-16, on the domain.xml their deploys rewrote
  void noAnswerToAStrangerNamesTheServersProductOrVersion() throws Exception {
    HttpClient https = OfficerConsole.anonymous(STACK);
    HttpClient plain = HttpClient.newHttpClient();
    String secure = "https://127.0.0.1:" + PhoneBankStack.HTTPS_PORT;
    String open = "http://127.0.0.1:" + PhoneBankStack.HTTP_PORT;
    Map<String, Integer> expected = new java.util.LinkedHashMap<>();
    expected.put(secure + "/", 200);
    expected.put(open + "/", 200);
    expected.put(secure + "/no-such-page", 404);
    expected.put(open + "/no-such-page", 404);
    expected.put(secure + "/officer/api/desk", 401);
    expected.put(open + "/officer/api/desk", 302);
    for (Map.Entry<String, Integer> request : expected.entrySet()) {
      String url = request.getKey();
      HttpResponse<String> answer =
          (url.startsWith("https") ? https : plain)
              .send(
                  HttpRequest.newBuilder(URI.create(url))
                      .header("Accept", "application/json")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(request.getValue(), answer.statusCode(), url);
      assertTrue(answer.headers().firstValue("Server").isEmpty(), url + " " + answer.headers());
      assertTrue(
          answer.headers().firstValue("X-Powered-By").isEmpty(), url + " " + answer.headers());
      String everything = (answer.headers().map() + " " + answer.body()).toLowerCase();
      for (String telling :
          List.of("payara", "glassfish", "grizzly", "servlet/", "jsp/", "java/")) {
        assertFalse(everything.contains(telling), url + " says " + telling + ": " + everything);
      }
    }
    HttpResponse<String> front =
        https.send(
            HttpRequest.newBuilder(URI.create(secure + "/")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(front.body().contains("href=\"/officer/\""), front.body());
  }

  /**
   * Payara's system JMX connector (RMI, port base + 86) is switched off: nothing uses it, and bound
   * to 127.0.0.1 it logged SEVERE "Error stopping RMIConnector" at every stop.
   */
  @Test
  @Order(17) // after the restarts of 14-16, on the domain.xml their deploys rewrote
  void payarasJmxConnectorIsNotListening() {
    assertFalse(
        answers(java.net.InetAddress.getLoopbackAddress(), PhoneBankStack.JMX_PORT),
        "Payara's JMX connector answers on port " + PhoneBankStack.JMX_PORT);
  }

  /** Whether something accepts a TCP connection on {@code address}:{@code port} within 2 s. */
  private static boolean answers(java.net.InetAddress address, int port) {
    try (Socket probe = new Socket()) {
      probe.connect(new java.net.InetSocketAddress(address, port), 2000);
      return true;
    } catch (java.io.IOException refused) {
      return false;
    }
  }

  private static List<java.net.InetAddress> nonLoopbackAddresses() throws Exception {
    List<java.net.InetAddress> addresses = new ArrayList<>();
    for (java.net.NetworkInterface face :
        java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
      for (java.net.InetAddress address : java.util.Collections.list(face.getInetAddresses())) {
        if (!address.isLoopbackAddress() && address instanceof java.net.Inet4Address) {
          addresses.add(address);
        }
      }
    }
    return addresses;
  }

  /** Calls of the heap-dump test: 1,000 unless {@code phonebank.it.heap-calls} says otherwise. */
  private static final int HEAP_CALLS = Integer.getInteger("phonebank.it.heap-calls", 1000);

  /**
   * Issue 10 item 2: after 1,000 calls with known cards and PINs (sign-ins with a balance, callers
   * who hang up while typing a card, PIN changes abandoned after the new PIN) a dump of Payara's
   * heap holds no PIN and no new PIN: not as a String or an unwiped array of exactly its digits,
   * not after {@code pb_secret:} as it came from FreeSWITCH, not in its clear ISO 9564 field. The
   * first dump keeps unreachable objects, so a String copy left for the collector would be found
   * too, and is taken while three more callers, one per demo card, are signed in and held at the
   * main menu: a PIN kept for the rest of a call (rather than sealed into its PIN block when keyed)
   * would be found. No card number is held once the calls are over (the second dump, of live
   * objects only: a card number is a String while its call lasts, and field 2 of every request).
   */
  @Test
  @Order(18)
  void aThousandCallsLeaveNoPinAndNoCardNumberInTheServersHeap() throws Exception {
    List<DemoAccount> callers = List.of(SARA, REZA, NARGES);
    List<String> newPins = List.of("5829", "6173", "9042");
    List<String> scripts = new ArrayList<>();
    List<DemoAccount> cardOf = new ArrayList<>();
    for (int i = 0; i < HEAP_CALLS; i++) {
      DemoAccount caller = callers.get(i % callers.size());
      cardOf.add(caller);
      String card = caller.card().digits();
      if (i % 20 == 0) {
        scripts.add(
            signIn("2", caller) + " 6 " + pin(caller) + " " + newPins.get(i / 20 % 3) + " H");
      } else if (i % 20 == 1) {
        scripts.add("2 " + card.substring(0, 15) + "H");
      } else {
        scripts.add(signIn("2", caller) + " 1 H");
      }
    }
    long started = System.nanoTime();
    List<Transcript> transcripts = new ArrayList<>();
    try (CallGenerator generator = new CallGenerator(2, STACK.eslPeerSecret())) {
      Semaphore inFlight = new Semaphore(8);
      // At most three calls on one card at once: more would meet the PIN-try control (issue 14:
      // no more PIN checks in flight per card than wrong-pin-tries, 3), which refuses the extra
      // caller a try, and this test counts sign-ins.
      Map<DemoAccount, Semaphore> perCard = new HashMap<>();
      callers.forEach(caller -> perCard.put(caller, new Semaphore(3)));
      List<CompletableFuture<Transcript>> calls = new ArrayList<>();
      for (int i = 0; i < scripts.size(); i++) {
        Semaphore card = perCard.get(cardOf.get(i));
        card.acquire();
        inFlight.acquire();
        CompletableFuture<Transcript> call =
            generator.place(
                "127.0.0.1",
                PhoneBankStack.ESL_PORT,
                CallScript.parse(scripts.get(i)),
                CALL_TIMEOUT);
        call.whenComplete(
            (done, failed) -> {
              inFlight.release();
              card.release();
            });
        calls.add(call);
      }
      for (CompletableFuture<Transcript> call : calls) {
        transcripts.add(call.join());
      }
    }
    System.out.printf(
        "%d calls in %d s%n", scripts.size(), (System.nanoTime() - started) / 1_000_000_000);
    String menu = say(Phrase.MAIN_MENU, Language.ENGLISH);
    long signedIn = transcripts.stream().filter(t -> heard(t).contains(menu)).count();
    assertEquals(HEAP_CALLS - (HEAP_CALLS + 18) / 20, signedIn, "callers who signed in");
    assertTrue(
        transcripts.stream().allMatch(t -> t.ending() == Transcript.Ending.CALLER_HUNG_UP),
        "every caller hung up");

    List<String> pins = new ArrayList<>(newPins);
    callers.forEach(caller -> pins.add(pin(caller)));
    Map<String, List<byte[]>> pinForms = new HashMap<>();
    for (String pin : pins) {
      pinForms.put("pb_secret: " + pin, HeapDump.encodings("pb_secret: " + pin));
      pinForms.put("pb_secret=" + pin, HeapDump.encodings("pb_secret=" + pin));
      String field = "04" + pin + "FFFFFFFFFF";
      pinForms.put("PIN field " + field, HeapDump.encodings(field));
      pinForms.put("PIN field bytes " + field, List.of(java.util.HexFormat.of().parseHex(field)));
    }
    Map<String, List<byte[]>> cardForms = new HashMap<>();
    for (DemoAccount caller : callers) {
      // The first 15 digits: all a hang-up mid-entry leaves, and part of every full copy.
      String fifteen = caller.card().digits().substring(0, 15);
      cardForms.put(caller.card().masked(), HeapDump.encodings(fifteen));
    }
    Path payaraPid = STACK.state().resolve("payara6/glassfish/domains/phonebank/config/pid");
    long pid = Long.parseLong(Files.readString(payaraPid, StandardCharsets.US_ASCII).trim());
    Path file = STACK.state().resolve("payara-heap.hprof");
    long dumping = System.nanoTime();
    CountDownLatch atMenu = new CountDownLatch(callers.size());
    CountDownLatch dumped = new CountDownLatch(1);
    // One event loop per held call: each is held by blocking its own loop.
    try (CallGenerator holding = new CallGenerator(callers.size(), STACK.eslPeerSecret())) {
      List<CompletableFuture<Transcript>> held = new ArrayList<>();
      for (DemoAccount caller : callers) {
        held.add(
            holding.place(
                "127.0.0.1",
                PhoneBankStack.ESL_PORT,
                CallScript.parse(signIn("2", caller) + " H"),
                Duration.ZERO,
                CALL_TIMEOUT,
                holdAtMainMenu(atMenu, dumped)));
      }
      HeapDump everything;
      try {
        assertTrue(atMenu.await(60, TimeUnit.SECONDS), "three callers signed in and held");
        everything = HeapDump.take(pid, file, true);
      } finally {
        dumped.countDown();
      }
      // A 4-digit PIN can equal an Event Socket frame's length by chance (Content-Length: 2580
      // once in about two runs of 1,000 calls); a copy held only as such a header's value is not
      // a PIN. Every other whole-array copy is one, whatever holds it.
      List<HeapDump.ArrayCopy> copies = everything.arrayCopies(pins);
      System.out.printf("whole-array copies of PINs and their holders: %s%n", copies);
      List<String> pinArrays =
          copies.stream()
              .filter(copy -> !copy.isFrameLength())
              .map(HeapDump.ArrayCopy::secret)
              .distinct()
              .toList();
      List<String> pinBytes = everything.findBytes(pinForms);
      List<String> cardsInGarbage = everything.findBytes(cardForms);
      for (CompletableFuture<Transcript> call : held) {
        Transcript transcript = call.join();
        assertTrue(heard(transcript).contains(menu), "a held caller signed in:\n" + transcript);
        assertEquals(Transcript.Ending.CALLER_HUNG_UP, transcript.ending());
      }
      HeapDump live = HeapDump.take(pid, file, false);
      List<String> liveCards = live.findBytes(cardForms);
      System.out.printf(
          "heap dumps taken and searched in %d s: PINs as arrays %s, PINs in context %s; card"
              + " numbers %s (with unreachable objects), %s (live)%n",
          (System.nanoTime() - dumping) / 1_000_000_000,
          pinArrays,
          pinBytes,
          cardsInGarbage,
          liveCards);
      assertEquals(List.of(), pinArrays, "PINs held as a String or an unwiped array");
      assertEquals(List.of(), pinBytes, "PINs in FreeSWITCH's form or their clear PIN field");
      assertEquals(List.of(), liveCards, "card numbers still held after the calls");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Holds a call once the phone bank asks its first question after the PIN (the main menu: the
   * caller is signed in and the session keeps what it keeps for the call), by blocking that call's
   * event loop until {@code released}: the phone bank waits for the answer meanwhile.
   */
  private static CallListener holdAtMainMenu(CountDownLatch atMenu, CountDownLatch released) {
    return new CallListener() {
      private boolean pinKeyed;

      @Override
      public void keysDelivered(int step, boolean sensitive, long nanoTime) {
        pinKeyed = step == 3; // language, card, PIN
      }

      @Override
      public void commandReceived(String name, String argument, long nanoTime) {
        if (pinKeyed && name.equals("play_and_get_digits")) {
          pinKeyed = false;
          atMenu.countDown();
          try {
            released.await(5, TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
  }

  @Test
  @Order(20)
  void everyRequestIsJournalledInAFinalStateWithItsOutcomeAndNoFullCardNumber() throws Exception {
    STACK.stop(); // Derby is embedded in Payara: read it once Payara has let go of it.
    EmbeddedDataSource derby = new EmbeddedDataSource();
    derby.setDatabaseName(STACK.derbyDatabase().toString());
    List<String> states = new ArrayList<>();
    List<String> audited = new ArrayList<>();
    try (Connection connection = derby.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT call_id, type, state, masked_card, response_code FROM switch_journal ORDER BY id");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        // The state folder outlives a run (mvn verify without clean): only this run's calls count.
        if (!callIds.contains(rows.getString("call_id"))) {
          continue;
        }
        states.add(
            rows.getString("type")
                + "/"
                + rows.getString("state")
                + "/"
                + rows.getString("response_code"));
        String masked = rows.getString("masked_card");
        assertFalse(
            masked.contains(SARA.card().digits()) || masked.contains(REZA.card().digits()), masked);
        assertEquals(CardNumber.LENGTH, masked.length());
      }
      try (PreparedStatement audit =
              connection.prepareStatement(
                  "SELECT actor, action, masked_card, detail, at_time FROM console_audit ORDER BY id");
          ResultSet trail = audit.executeQuery()) {
        java.util.Calendar utc =
            java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"));
        while (trail.next()) {
          if (trail.getTimestamp("at_time", utc).toInstant().isBefore(deskTestStarted)) {
            continue;
          }
          audited.add(
              trail.getString("actor")
                  + "/"
                  + trail.getString("action")
                  + "/"
                  + trail.getString("masked_card")
                  + "/"
                  + trail.getString("detail"));
        }
      }
    } finally {
      derby.setShutdownDatabase("shutdown");
      try {
        derby.getConnection().close();
      } catch (java.sql.SQLException expected) {
        // 08006: the database was shut down
      }
    }
    assertTrue(states.size() > 20, states.toString());
    // The officer's desk test: every view of the caller's context and every action, by whom, card
    // masked.
    String sara = SARA.card().masked();
    for (String expected :
        List.of(
            "officer/STATUS/null/READY",
            "officer/VIEW_CONTEXT/" + sara + "/",
            "officer/ACCEPT/" + sara + "/",
            "officer/TRANSFER/" + sara + "/",
            "officer/WRAP_UP/" + sara + "/",
            "officer/STATUS/null/AWAY")) {
      assertTrue(
          audited.stream().anyMatch(line -> line.startsWith(expected)),
          expected + " in " + audited);
    }
    assertTrue(
        audited.stream().noneMatch(line -> line.contains(SARA.card().digits())),
        audited.toString());
    assertTrue(
        states.stream()
            .noneMatch(state -> state.contains("/PENDING/") || state.contains("/REVERSING/")),
        "every request reached a final state: " + states);
    for (String expected :
        List.of(
            "TRANSFER/APPROVED/",
            "BILL_PAYMENT/APPROVED/",
            "PIN_CHANGE/APPROVED/",
            "CARD_BLOCK/APPROVED/",
            "MINI_STATEMENT/APPROVED/",
            "HOLDER_NAME_INQUIRY/APPROVED/",
            "BALANCE_INQUIRY/DECLINED/55")) {
      assertTrue(
          states.stream().anyMatch(state -> state.startsWith(expected)),
          expected + " in " + states);
    }
  }

  @Test
  @Order(21)
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
        List.of(
            "banking-domain",
            "esl-codec",
            "journal",
            "ivr-flows",
            "iso8583-bridge",
            "reconciliation",
            "switch-simulator",
            "phone-simulator",
            "ivr-server",
            "iso8583-interop",
            "prompt-audio",
            "officer-console")) {
      folders.add(root.resolve(module).resolve("target/surefire-reports"));
    }
    LogScan scan = new LogScan().cardNumbers(cards).pins(pins);
    List<String> findings = scan.findingsIn(folders);
    assertTrue(scan.filesRead() > 3, "the scan read the run's logs, not an empty folder");
    assertTrue(findings.isEmpty(), String.join("\n", findings));
  }
}
