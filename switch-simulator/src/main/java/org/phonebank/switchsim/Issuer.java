// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.jpos.iso.ISOMsg;
import org.phonebank.card.CardNumber;
import org.phonebank.switchlink.ResponseCode;
import org.phonebank.switchlink.keys.ZoneKey;
import org.phonebank.switchlink.pin.PinBlock;
import org.phonebank.switchlink.pin.PinEncipherment;

/**
 * Decides the answer to each request as an issuer would: unknown card 14, PIN that does not verify 55, a PIN
 * block that does not even decipher to format 0 (wrong key) 63, otherwise 00 with the available balance.
 */
final class Issuer {

  private static final System.Logger LOG = System.getLogger(Issuer.class.getName());

  private final Ledger ledger;
  private final ZoneKey pinKey;
  private final SecureRandom random = new SecureRandom();

  Issuer(Ledger ledger, ZoneKey pinKey) {
    this.ledger = Objects.requireNonNull(ledger, "Ledger is required.");
    this.pinKey = Objects.requireNonNull(pinKey, "PIN key is required.");
  }

  /** The answer, or empty for messages a switch does not answer (responses). */
  Optional<ISOMsg> answer(ISOMsg request) {
    if (isResponse(request)) {
      return Optional.empty();
    }
    if (IssuerMessages.isEcho(request)) {
      return Optional.of(IssuerMessages.answer(request, ResponseCode.APPROVED));
    }
    if (!IssuerMessages.isBalanceInquiry(request)) {
      return Optional.of(logged(request, null, IssuerMessages.answer(request, ResponseCode.INVALID_TRANSACTION)));
    }
    return Optional.of(balanceInquiry(request));
  }

  private ISOMsg balanceInquiry(ISOMsg request) {
    String pan = IssuerMessages.pan(request);
    Optional<DemoAccount> account = CardNumber.isValid(pan) ? ledger.account(pan) : Optional.empty();
    if (account.isEmpty()) {
      return logged(request, null, IssuerMessages.answer(request, ResponseCode.INVALID_CARD_NUMBER));
    }
    CardNumber card = account.get().card();
    byte[] block = IssuerMessages.pinBlock(request);
    if (block == null || block.length != PinBlock.LENGTH) {
      return logged(request, card, IssuerMessages.answer(request, ResponseCode.FORMAT_ERROR));
    }
    ResponseCode verdict = verifyPin(account.get(), block);
    if (!verdict.isApproval()) {
      return logged(request, card, IssuerMessages.answer(request, verdict));
    }
    String approvalCode = String.format("%06d", random.nextInt(1_000_000));
    return logged(request, card, IssuerMessages.approvedBalance(request, approvalCode, account.get().available()));
  }

  private ResponseCode verifyPin(DemoAccount account, byte[] enciphered) {
    char[] offered;
    try (PinBlock block = PinBlock.of(enciphered)) {
      offered = PinEncipherment.decipher(block, account.card(), pinKey);
    } catch (IllegalArgumentException e) {
      return ResponseCode.SECURITY_VIOLATION;
    }
    try {
      boolean matches = account.pin().reveal(expected -> sameDigits(expected, offered));
      return matches ? ResponseCode.APPROVED : ResponseCode.INCORRECT_PIN;
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

  private static ISOMsg logged(ISOMsg request, CardNumber card, ISOMsg response) {
    LOG.log(Level.INFO, "{0} card {1} -> {2}", IssuerMessages.describe(request),
        card == null ? "(unknown)" : card.masked(), IssuerMessages.responseCode(response));
    return response;
  }

  private static boolean isResponse(ISOMsg m) {
    String mti = m.getString(0);
    return mti == null || mti.length() != 4 || ((mti.charAt(2) - '0') & 1) == 1;
  }
}
