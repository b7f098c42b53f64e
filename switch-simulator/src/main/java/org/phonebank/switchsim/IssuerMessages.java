// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.phonebank.money.Rials;
import org.phonebank.switchlink.ResponseCode;

/**
 * The switch's side of the ISO 8583:1987 mapping. It is written apart from the bridge's own mapping on purpose:
 * a field the bridge gets wrong shows up as a failed exchange instead of being hidden by shared code.
 */
final class IssuerMessages {

  private static final int PAN = 2;
  private static final int PROCESSING_CODE = 3;
  private static final int STAN = 11;
  private static final int APPROVAL_CODE = 38;
  private static final int RESPONSE_CODE = 39;
  private static final int TERMINAL_ID = 41;
  private static final int PIN_DATA = 52;
  private static final int ADDITIONAL_AMOUNTS = 54;
  private static final int NETWORK_CODE = 70;

  private static final String ECHO_TEST = "301";
  private static final String BALANCE_INQUIRY_TYPE = "31";
  private static final String RIAL = "364";

  private IssuerMessages() {}

  static boolean isEcho(ISOMsg m) {
    return "0800".equals(m.getString(0)) && ECHO_TEST.equals(m.getString(NETWORK_CODE));
  }

  static boolean isBalanceInquiry(ISOMsg m) {
    String code = m.getString(PROCESSING_CODE);
    return "0200".equals(m.getString(0)) && code != null && code.startsWith(BALANCE_INQUIRY_TYPE);
  }

  static String pan(ISOMsg m) {
    return m.getString(PAN);
  }

  /** The enciphered PIN block, or null when the request has none. */
  static byte[] pinBlock(ISOMsg m) {
    return m.getBytes(PIN_DATA);
  }

  /** The answer to {@code request} with {@code code}: the request's fields minus the PIN block. */
  static ISOMsg answer(ISOMsg request, ResponseCode code) {
    ISOMsg response = (ISOMsg) request.clone();
    response.unset(PIN_DATA);
    try {
      response.setResponseMTI();
    } catch (ISOException e) {
      throw new IllegalArgumentException("Request without a valid MTI.", e);
    }
    response.set(RESPONSE_CODE, code.code());
    return response;
  }

  /** An approved balance inquiry: approval code and the balance as both ledger (01) and available (02) amounts. */
  static ISOMsg approvedBalance(ISOMsg request, String approvalCode, Rials balance) {
    ISOMsg response = answer(request, ResponseCode.APPROVED);
    response.set(APPROVAL_CODE, approvalCode);
    response.set(ADDITIONAL_AMOUNTS, amount("01", balance) + amount("02", balance));
    return response;
  }

  static String responseCode(ISOMsg m) {
    return m.getString(RESPONSE_CODE);
  }

  /** MTI, STAN and terminal of a message, for the simulator's own log. */
  static String describe(ISOMsg m) {
    return m.getString(0) + " STAN " + m.getString(STAN) + " terminal " + m.getString(TERMINAL_ID);
  }

  /** One 20-character block: default account type, amount type, IRR, sign, twelve digits. */
  private static String amount(String type, Rials balance) {
    return "00" + type + RIAL + (balance.isNegative() ? "D" : "C") + String.format("%012d", Math.abs(balance.value()));
  }
}
