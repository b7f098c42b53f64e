// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jpos.iso.ISOMsg;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.money.Rials;
import org.phonebank.switchlink.ResponseCode;
import org.phonebank.switchlink.keys.AesKey;
import org.phonebank.switchlink.keys.ZoneKey;
import org.phonebank.switchlink.mac.MessageMac;
import org.phonebank.switchlink.pin.PinBlock;
import org.phonebank.switchlink.pin.PinEncipherment;

/**
 * Decides the answer to each request as an issuer behind a switch would. Financial and reversal
 * requests must carry a good MAC (a bad one on an 0200 is declined 63 unposted; a bad one on an
 * 0420 is not answered, so the acquirer repeats it). Then: unknown card 14, blocked card 62, PIN
 * that does not verify 55 (63 when the block does not even decipher), over a limit 61, short of
 * money 51, otherwise 00. Like a real issuer it keeps its own count of consecutive wrong PINs per
 * card, whatever channel they came through: the wrong PIN that reaches {@link #PIN_TRY_LIMIT} and
 * every request after it, even with the right PIN, is answered 75 (PIN tries exceeded); a right PIN
 * before that clears the count. An 0200 repeated with the same terminal, STAN and RRN gets the
 * first answer again and is never posted twice; an 0420/0421 undoes its original once, and one for
 * something never posted is acknowledged with no change.
 */
final class Issuer {

  private static final System.Logger LOG = System.getLogger(Issuer.class.getName());
  private static final String RESTRICTED_CARD = "62";
  private static final String TO_ACCOUNT = "10";
  private static final int SETTLEMENT_DATE = 15;

  private final Ledger ledger;
  private final ZoneId bankZone;
  private final ZoneKey pinKey;
  private final AesKey aesPinKey;
  private final ZoneKey macKey;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, ISOMsg> answered = new ConcurrentHashMap<>();
  private final AtomicInteger financialRequests = new AtomicInteger();
  private final SettlementBook settlement;

  /**
   * The issuer's own wrong-PIN limit, above the phone channel's default of 3 so that the channel's
   * lock comes first, as a bank sets it; reached only if a channel fails to count.
   */
  static final int PIN_TRY_LIMIT = 5;

  // Consecutive wrong PINs per card number, guarded by this (decide runs under financial's lock).
  private final Map<String, Integer> wrongPins = new HashMap<>();

  Issuer(
      Ledger ledger,
      ZoneKey pinKey,
      AesKey aesPinKey,
      ZoneKey macKey,
      SettlementBook settlement,
      ZoneId bankZone) {
    this.settlement = Objects.requireNonNull(settlement, "Settlement book is required.");
    this.bankZone = Objects.requireNonNull(bankZone, "Bank zone is required.");
    this.ledger = Objects.requireNonNull(ledger, "Ledger is required.");
    this.pinKey = Objects.requireNonNull(pinKey, "PIN key is required.");
    this.aesPinKey = Objects.requireNonNull(aesPinKey, "AES PIN key is required.");
    this.macKey = Objects.requireNonNull(macKey, "MAC key is required.");
  }

  /** How many 0200s arrived so far, whatever became of them. */
  int financialRequests() {
    return financialRequests.get();
  }

  /** The answer (unsigned), or empty for messages a switch does not answer. */
  Optional<ISOMsg> answer(ISOMsg request) {
    return answer(request, ClearingFaults.Movement.NONE, ClearingFaults.Reversal.NONE);
  }

  /**
   * The answer (unsigned), or empty, with the clearing's fault for this request: {@code movement}
   * when it is a money movement, {@code reversal} when it is a reversal.
   */
  Optional<ISOMsg> answer(
      ISOMsg request, ClearingFaults.Movement movement, ClearingFaults.Reversal reversal) {
    if (!IssuerMessages.isRequest(request)) {
      return Optional.empty();
    }
    if (IssuerMessages.isNetwork(request)) {
      String code = IssuerMessages.networkCode(request);
      boolean known =
          IssuerMessages.SIGN_ON.equals(code)
              || IssuerMessages.SIGN_OFF.equals(code)
              || IssuerMessages.ECHO_TEST.equals(code);
      return Optional.of(
          IssuerMessages.answer(
              request, known ? ResponseCode.APPROVED : ResponseCode.INVALID_TRANSACTION));
    }
    if (IssuerMessages.isReversal(request)) {
      return reversal(request, reversal);
    }
    if (IssuerMessages.isFinancial(request)) {
      financialRequests.incrementAndGet();
      return Optional.of(financial(request, movement));
    }
    return Optional.of(
        logged(request, null, IssuerMessages.answer(request, ResponseCode.INVALID_TRANSACTION)));
  }

  /**
   * True for a 0200 that moves money (class 40 transfer or 50 payment): what the switch settles.
   */
  static boolean isMoneyMovement(ISOMsg request) {
    String type = IssuerMessages.processingCode(request);
    return IssuerMessages.isFinancial(request)
        && type != null
        && (type.startsWith("40") || type.startsWith("50"));
  }

  private synchronized ISOMsg financial(ISOMsg request, ClearingFaults.Movement fault) {
    if (!MessageMac.verify(request, macKey)) {
      return logged(request, null, IssuerMessages.answer(request, ResponseCode.SECURITY_VIOLATION));
    }
    String key = IssuerMessages.transactionKey(request);
    ISOMsg earlier = answered.get(key);
    if (earlier != null) {
      LOG.log(
          Level.INFO,
          "{0} repeated: answered as before, not posted again",
          IssuerMessages.describe(request));
      return (ISOMsg) earlier.clone();
    }
    ISOMsg response;
    if (ledger.wasReversedBeforePosting(key)) {
      response = IssuerMessages.answer(request, ResponseCode.INVALID_TRANSACTION);
    } else {
      response = decide(request, key, fault);
    }
    if (fault == ClearingFaults.Movement.DECLINED
        && ResponseCode.APPROVED.code().equals(IssuerMessages.responseCode(response))) {
      // The issuer approved and posted too late for the switch, which answered in stand-in.
      LOG.log(Level.INFO, "Fault: approved and settled, answered 91");
      response = IssuerMessages.answer(request, ResponseCode.ISSUER_INOPERATIVE);
    }
    // Field 15: the business date the switch settles this under, which the journal keeps; in a
    // cut-over race the answer carries the day just closed while the item settles in the new one.
    response.set(
        SETTLEMENT_DATE,
        fault == ClearingFaults.Movement.PREVIOUS_DATE
            ? settlement.previousSettlementDateField()
            : settlement.settlementDateField());
    answered.put(key, response);
    return (ISOMsg) response.clone();
  }

  private Optional<ISOMsg> reversal(ISOMsg request, ClearingFaults.Reversal fault) {
    if (!MessageMac.verify(request, macKey)) {
      LOG.log(Level.WARNING, "{0} has a bad MAC: not answered", IssuerMessages.describe(request));
      return Optional.empty();
    }
    String key = IssuerMessages.originalKey(request);
    boolean undone;
    synchronized (this) {
      undone = ledger.reverse(key, today());
      if (undone) {
        settlement.reversed(key, fault);
      }
    }
    LOG.log(
        Level.INFO,
        "{0} {1}",
        IssuerMessages.describe(request),
        undone ? "reversed its posting" : "found nothing to reverse (acknowledged, no change)");
    return Optional.of(IssuerMessages.answer(request, ResponseCode.APPROVED));
  }

  private ISOMsg decide(ISOMsg request, String key, ClearingFaults.Movement fault) {
    String pan = IssuerMessages.pan(request);
    Optional<DemoAccount> found = CardNumber.isValid(pan) ? ledger.account(pan) : Optional.empty();
    if (found.isEmpty()) {
      return logged(
          request, null, IssuerMessages.answer(request, ResponseCode.INVALID_CARD_NUMBER));
    }
    DemoAccount account = found.get();
    CardNumber card = account.card();
    if (ledger.isHot(pan)) {
      return logged(request, card, IssuerMessages.answer(request, RESTRICTED_CARD));
    }
    if (wrongPins.getOrDefault(pan, 0) >= PIN_TRY_LIMIT) {
      return logged(request, card, IssuerMessages.answer(request, ResponseCode.PIN_TRIES_EXCEEDED));
    }
    String verdict =
        verifyPin(account, IssuerMessages.pinBlock(request), IssuerMessages.isFormat4(request));
    if (ResponseCode.INCORRECT_PIN.code().equals(verdict)) {
      if (wrongPins.merge(pan, 1, Integer::sum) >= PIN_TRY_LIMIT) {
        verdict = ResponseCode.PIN_TRIES_EXCEEDED.code();
      }
    } else if (ResponseCode.APPROVED.code().equals(verdict)) {
      wrongPins.remove(pan);
    }
    if (!ResponseCode.APPROVED.code().equals(verdict)) {
      return logged(request, card, IssuerMessages.answer(request, verdict));
    }
    String type = IssuerMessages.processingCode(request);
    ISOMsg response =
        switch (type.length() == 6 ? type.substring(0, 2) : "") {
          case "31" -> approved(request, account);
          case "38" -> miniStatement(request, account);
          case "33" -> holderName(request, account);
          case "40" -> transfer(request, account, key, fault);
          case "50" -> billPayment(request, account, key, fault);
          case "93" -> cardBlock(request, account);
          case "94" -> pinChange(request, account);
          default -> IssuerMessages.answer(request, ResponseCode.INVALID_TRANSACTION);
        };
    return logged(request, card, response);
  }

  private ISOMsg approved(ISOMsg request, DemoAccount account) {
    return IssuerMessages.approved(request, approvalCode(), ledger.balanceOf(account));
  }

  private ISOMsg miniStatement(ISOMsg request, DemoAccount account) {
    ISOMsg response = approved(request, account);
    IssuerMessages.setStatement(response, ledger.statement(account));
    return response;
  }

  private ISOMsg holderName(ISOMsg request, DemoAccount account) {
    Optional<DemoAccount> destination = destination(request);
    if (destination.isEmpty()) {
      return IssuerMessages.answer(request, ResponseCode.INVALID_CARD_NUMBER);
    }
    ISOMsg response = IssuerMessages.approved(request, approvalCode(), ledger.balanceOf(account));
    IssuerMessages.setHolderName(response, destination.get().holderPersian());
    return response;
  }

  private Optional<DemoAccount> destination(ISOMsg request) {
    String to = IssuerMessages.destination(request);
    boolean toAccount = IssuerMessages.processingCode(request).endsWith(TO_ACCOUNT);
    return toAccount ? ledger.accountByNumber(to) : ledger.account(to);
  }

  private ISOMsg transfer(
      ISOMsg request, DemoAccount from, String key, ClearingFaults.Movement fault) {
    String to = IssuerMessages.destination(request);
    boolean toAccount = IssuerMessages.processingCode(request).endsWith(TO_ACCOUNT);
    DemoAccount destination = null;
    if (toAccount) {
      Optional<DemoAccount> own = ledger.accountByNumber(to);
      if (own.isEmpty()) {
        return IssuerMessages.answer(request, ResponseCode.INVALID_CARD_NUMBER);
      }
      if (!own.get().sameHolder(from)) {
        return IssuerMessages.answer(request, ResponseCode.NOT_PERMITTED_TO_CARDHOLDER);
      }
      destination = own.get();
    } else {
      if (!CardNumber.isValid(to)) {
        return IssuerMessages.answer(request, ResponseCode.INVALID_CARD_NUMBER);
      }
      // A card of another bank: the money leaves through the switch (null destination).
      destination = ledger.account(to).orElse(null);
    }
    if (destination != null && destination.account().equals(from.account())) {
      return IssuerMessages.answer(request, ResponseCode.INVALID_TRANSACTION);
    }
    return debit(request, from, destination, key, fault);
  }

  private ISOMsg billPayment(
      ISOMsg request, DemoAccount from, String key, ClearingFaults.Movement fault) {
    String bill = IssuerMessages.additionalData(request);
    if (bill == null || !bill.matches("[0-9]{6,13}=[0-9]{6,13}")) {
      return IssuerMessages.answer(request, ResponseCode.FORMAT_ERROR);
    }
    return debit(request, from, null, key, fault);
  }

  private ISOMsg debit(
      ISOMsg request, DemoAccount from, DemoAccount to, String key, ClearingFaults.Movement fault) {
    long amount = IssuerMessages.amount(request);
    if (amount <= 0) {
      return IssuerMessages.answer(request, ResponseCode.INVALID_AMOUNT);
    }
    LocalDate today = today();
    if (amount > from.perTransactionLimit().value()
        || ledger.spentToday(from, today).value() + amount > from.dailyLimit().value()) {
      return IssuerMessages.answer(request, ResponseCode.EXCEEDS_AMOUNT_LIMIT);
    }
    if (ledger.balanceOf(from).value() < amount) {
      return IssuerMessages.answer(request, ResponseCode.INSUFFICIENT_FUNDS);
    }
    if (ledger.post(key, from, to, Rials.of(amount), today)) {
      settlement.settled(request, key, fault);
    }
    return approved(request, from);
  }

  private ISOMsg cardBlock(ISOMsg request, DemoAccount account) {
    ledger.block(account);
    return IssuerMessages.approved(request, approvalCode(), ledger.balanceOf(account));
  }

  private ISOMsg pinChange(ISOMsg request, DemoAccount account) {
    byte[] block = IssuerMessages.newPinBlock(request);
    if (block == null) {
      return IssuerMessages.answer(request, ResponseCode.FORMAT_ERROR);
    }
    char[] newPin = null;
    try (PinBlock newBlock = PinBlock.of(block)) {
      newPin =
          IssuerMessages.isFormat4(request)
              ? PinEncipherment.decipherFormat4(newBlock, account.card(), aesPinKey)
              : PinEncipherment.decipher(newBlock, account.card(), pinKey);
      ledger.changePin(account, newPin);
      return IssuerMessages.approved(request, approvalCode(), ledger.balanceOf(account));
    } catch (IllegalArgumentException e) {
      return IssuerMessages.answer(request, ResponseCode.SECURITY_VIOLATION);
    } finally {
      Arrays.fill(block, (byte) 0);
      if (newPin != null) {
        Arrays.fill(newPin, '\0');
      }
    }
  }

  /** 00, 55 (wrong PIN), 63 (block does not decipher) or 30 (no block). */
  private String verifyPin(DemoAccount account, byte[] enciphered, boolean format4) {
    if (enciphered == null
        || enciphered.length != (format4 ? PinBlock.AES_LENGTH : PinBlock.LENGTH)) {
      return ResponseCode.FORMAT_ERROR.code();
    }
    char[] offered;
    try (PinBlock block = PinBlock.of(enciphered)) {
      offered =
          format4
              ? PinEncipherment.decipherFormat4(block, account.card(), aesPinKey)
              : PinEncipherment.decipher(block, account.card(), pinKey);
    } catch (IllegalArgumentException e) {
      return ResponseCode.SECURITY_VIOLATION.code();
    } finally {
      Arrays.fill(enciphered, (byte) 0);
    }
    try {
      TelephonePin expected = ledger.pin(account);
      boolean matches = expected.reveal(digits -> sameDigits(digits, offered));
      return matches ? ResponseCode.APPROVED.code() : ResponseCode.INCORRECT_PIN.code();
    } finally {
      Arrays.fill(offered, '\0');
    }
  }

  /** Compares every digit whatever the first difference, so timing says nothing about the PIN. */
  private static boolean sameDigits(char[] a, char[] b) {
    int difference = a.length ^ b.length;
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      char x = i < a.length ? a[i] : 0;
      char y = i < b.length ? b[i] : 0;
      difference |= x ^ y;
    }
    return difference == 0;
  }

  private String approvalCode() {
    return String.format("%06d", random.nextInt(1_000_000));
  }

  private LocalDate today() {
    return LocalDate.now(bankZone);
  }

  private static ISOMsg logged(ISOMsg request, CardNumber card, ISOMsg response) {
    LOG.log(
        Level.INFO,
        "{0} -> {1}",
        IssuerMessages.describe(request, card),
        IssuerMessages.responseCode(response));
    return response;
  }
}
