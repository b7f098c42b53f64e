// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phonebank.switchsim.LinkFixture.connected;
import static org.phonebank.switchsim.LinkFixture.sealed;
import static org.phonebank.switchsim.LinkFixture.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phonebank.account.AccountNumber;
import org.phonebank.banking.BalanceInquiry;
import org.phonebank.banking.BillPayment;
import org.phonebank.banking.BlockReason;
import org.phonebank.banking.CardBlock;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.HolderNameInquiry;
import org.phonebank.banking.MiniStatementInquiry;
import org.phonebank.banking.PinChange;
import org.phonebank.banking.StatementLine;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.Transfer;
import org.phonebank.banking.TransferDestination;
import org.phonebank.bill.BillId;
import org.phonebank.bill.PaymentId;
import org.phonebank.card.CardNumber;
import org.phonebank.money.Rials;
import org.phonebank.switchlink.JposBankSwitch;
import org.phonebank.switchlink.keys.SwitchCredentials;
import org.phonebank.switchlink.pin.PinFormat;

/**
 * Every kind of request the phone bank sends, end to end over mutual TLS, against the simulator's
 * ledger.
 */
class EveryRequestKindTest {

  private static final CardNumber SARA = new CardNumber("6037991234567893");
  private static final CardNumber SARA_SECOND = new CardNumber("6037997654321091");
  private static final CardNumber REZA = new CardNumber("6104337654321098");
  private static final CardNumber MARYAM = new CardNumber("5892104567890124");
  private static final CardNumber ALI = new CardNumber("5022293333444457");
  private static final CardNumber NARGES = new CardNumber("6219861112223333");
  private static final LinkFixture.CountingIds IDS = new LinkFixture.CountingIds(100);

  @TempDir static Path folder;
  static SwitchSimulator simulator;
  static SwitchCredentials credentials;
  JposBankSwitch bank;

  @BeforeAll
  static void startSimulator() throws IOException {
    simulator =
        SwitchSimulator.start(SimulatorSettings.defaults().withCredentials(folder).withPort(0));
    credentials = SwitchCredentials.load(folder);
  }

  @AfterAll
  static void stopSimulator() {
    simulator.close();
  }

  @BeforeEach
  void connect() {
    bank = connected(settings(simulator), credentials);
  }

  @AfterEach
  void disconnect() {
    bank.close();
    simulator.fault("clear");
  }

  @Test
  void cardToCardTransferDebitsOneAccountAndCreditsTheOther() {
    Rials reza = simulator.ledger().balance(REZA);
    Rials narges = simulator.ledger().balance(NARGES);

    SwitchOutcome outcome =
        bank.send(transfer(REZA, "2580", new TransferDestination.ToCard(NARGES), 1_250_000));

    assertEquals(
        reza.minus(Rials.of(1_250_000)),
        assertInstanceOf(SwitchOutcome.Approved.class, outcome).balance());
    assertEquals(reza.minus(Rials.of(1_250_000)), simulator.ledger().balance(REZA));
    assertEquals(narges.plus(Rials.of(1_250_000)), simulator.ledger().balance(NARGES));
  }

  @Test
  void ownAccountTransferGoesOnlyBetweenTheSameHoldersAccounts() {
    Rials second = simulator.ledger().balance(SARA_SECOND);
    TransferDestination own =
        new TransferDestination.ToOwnAccount(new AccountNumber("0101234567002"));
    TransferDestination someoneElses =
        new TransferDestination.ToOwnAccount(new AccountNumber("4455667788"));

    assertInstanceOf(SwitchOutcome.Approved.class, bank.send(transfer(SARA, "7391", own, 45_000)));
    assertEquals(second.plus(Rials.of(45_000)), simulator.ledger().balance(SARA_SECOND));
    assertEquals(
        new SwitchOutcome.Declined(DeclineReason.NOT_PERMITTED, "57", simulator.businessDate()),
        bank.send(transfer(SARA, "7391", someoneElses, 45_000)));
  }

  @Test
  void declinesSayWhyAndMoveNothing() {
    Rials maryam = simulator.ledger().balance(MARYAM);
    Rials ali = simulator.ledger().balance(ALI);

    assertEquals(
        new SwitchOutcome.Declined(
            DeclineReason.INSUFFICIENT_FUNDS, "51", simulator.businessDate()),
        bank.send(transfer(MARYAM, "1357", new TransferDestination.ToCard(REZA), 10_000)));
    assertEquals(
        new SwitchOutcome.Declined(DeclineReason.LIMIT_EXCEEDED, "61", simulator.businessDate()),
        bank.send(transfer(ALI, "864209", new TransferDestination.ToCard(REZA), 60_000_000)));
    assertEquals(
        new SwitchOutcome.Declined(DeclineReason.INCORRECT_PIN, "55", simulator.businessDate()),
        bank.send(transfer(ALI, "864200", new TransferDestination.ToCard(REZA), 10_000)));
    assertEquals(maryam, simulator.ledger().balance(MARYAM));
    assertEquals(ali, simulator.ledger().balance(ALI));
  }

  @Test
  void issuerUnavailableIsDeclinedNinetyOneWithoutPosting() {
    Rials reza = simulator.ledger().balance(REZA);
    simulator.fault("answer-91-next 1");

    assertEquals(
        new SwitchOutcome.Declined(DeclineReason.ISSUER_UNAVAILABLE, "91"),
        bank.send(transfer(REZA, "2580", new TransferDestination.ToCard(NARGES), 5_000)));
    assertEquals(reza, simulator.ledger().balance(REZA));
  }

  @Test
  void holderNameInquiryAnswersInPersian() {
    SwitchOutcome outcome =
        bank.send(
            new HolderNameInquiry(
                IDS.next(),
                SARA,
                sealed(bank, SARA, "7391"),
                new TransferDestination.ToCard(REZA)));

    assertEquals("رضا کریمی", assertInstanceOf(SwitchOutcome.Approved.class, outcome).holderName());
  }

  @Test
  void miniStatementListsTheLatestPostingsNewestFirst() {
    bank.send(transfer(NARGES, "4826", new TransferDestination.ToCard(REZA), 11_000));
    bank.send(transfer(NARGES, "4826", new TransferDestination.ToCard(REZA), 22_000));

    SwitchOutcome outcome =
        bank.send(new MiniStatementInquiry(IDS.next(), NARGES, sealed(bank, NARGES, "4826")));

    List<StatementLine> lines = assertInstanceOf(SwitchOutcome.Approved.class, outcome).statement();
    assertTrue(lines.size() >= 2 && lines.size() <= 5);
    assertEquals(Rials.of(22_000), lines.get(0).amount());
    assertEquals(StatementLine.Direction.DEBIT, lines.get(0).direction());
    assertEquals(Rials.of(11_000), lines.get(1).amount());
  }

  @Test
  void billPaymentDebitsTheAmountInThePaymentId() {
    BillId bill = validBillId();
    PaymentId payment = paymentFor(bill, 12);
    Rials before = simulator.ledger().balance(REZA);

    SwitchOutcome outcome =
        bank.send(new BillPayment(IDS.next(), REZA, sealed(bank, REZA, "2580"), bill, payment));

    assertInstanceOf(SwitchOutcome.Approved.class, outcome);
    assertEquals(before.minus(payment.amount()), simulator.ledger().balance(REZA));
  }

  @Test
  void blockedCardIsDeclinedOnEveryLaterRequest() {
    CardBlock block =
        new CardBlock(
            IDS.next(), SARA_SECOND, sealed(bank, SARA_SECOND, "7391"), BlockReason.STOLEN);
    assertInstanceOf(SwitchOutcome.Approved.class, bank.send(block));

    SwitchOutcome later =
        bank.send(new BalanceInquiry(IDS.next(), SARA_SECOND, sealed(bank, SARA_SECOND, "7391")));

    assertEquals(
        new SwitchOutcome.Declined(DeclineReason.INVALID_CARD, "62", simulator.businessDate()),
        later);
  }

  @Test
  void pinChangeChecksTheOldPinAndTheNewOneWorksAfterwards() {
    assertEquals(
        "55",
        assertInstanceOf(
                SwitchOutcome.Declined.class,
                bank.send(
                    new PinChange(
                        IDS.next(), ALI, sealed(bank, ALI, "111111"), sealed(bank, ALI, "2468"))))
            .responseCode());

    assertInstanceOf(
        SwitchOutcome.Approved.class,
        bank.send(
            new PinChange(
                IDS.next(), ALI, sealed(bank, ALI, "864209"), sealed(bank, ALI, "2468"))));

    assertEquals(
        "55",
        assertInstanceOf(
                SwitchOutcome.Declined.class,
                bank.send(new BalanceInquiry(IDS.next(), ALI, sealed(bank, ALI, "864209"))))
            .responseCode());
    assertInstanceOf(
        SwitchOutcome.Approved.class,
        bank.send(new BalanceInquiry(IDS.next(), ALI, sealed(bank, ALI, "2468"))));
  }

  @Test
  void formatFourAesPinBlocksWorkEndToEnd() {
    try (JposBankSwitch aes =
        connected(settings(simulator).withPinFormat(PinFormat.ISO_4), credentials)) {
      assertInstanceOf(
          SwitchOutcome.Approved.class,
          aes.send(new BalanceInquiry(IDS.next(), REZA, sealed(aes, REZA, "2580"))));
      assertEquals(
          "55",
          assertInstanceOf(
                  SwitchOutcome.Declined.class,
                  aes.send(new BalanceInquiry(IDS.next(), REZA, sealed(aes, REZA, "2581"))))
              .responseCode());
    }
  }

  @Test
  void sameRequestSentTwiceIsPostedOnce() {
    Rials reza = simulator.ledger().balance(REZA);
    Transfer once = transfer(REZA, "2580", new TransferDestination.ToCard(NARGES), 7_000);

    assertInstanceOf(SwitchOutcome.Approved.class, bank.send(once));
    assertInstanceOf(SwitchOutcome.Approved.class, bank.send(once));

    assertEquals(reza.minus(Rials.of(7_000)), simulator.ledger().balance(REZA));
  }

  private Transfer transfer(CardNumber from, String pin, TransferDestination to, long rials) {
    return new Transfer(IDS.next(), from, sealed(bank, from, pin), to, Rials.of(rials));
  }

  /** A water bill id (type digit 1) with its mod 11 check digit found by trying each. */
  private static BillId validBillId() {
    for (int check = 0; check <= 9; check++) {
      String candidate = "123456781" + check;
      if (BillId.isValid(candidate)) {
        return new BillId(candidate);
      }
    }
    throw new AssertionError("no valid bill id");
  }

  /**
   * A payment id of {@code thousands} thousand rials for {@code bill}, check digits found by trying
   * each.
   */
  private static PaymentId paymentFor(BillId bill, int thousands) {
    String stem = thousands + "504";
    for (int first = 0; first <= 9; first++) {
      for (int second = 0; second <= 9; second++) {
        try {
          PaymentId candidate = new PaymentId(stem + first + second);
          if (candidate.belongsTo(bill)) {
            return candidate;
          }
        } catch (IllegalArgumentException e) {
          // wrong first check digit; try the next
        }
      }
    }
    throw new AssertionError("no payment id");
  }
}
