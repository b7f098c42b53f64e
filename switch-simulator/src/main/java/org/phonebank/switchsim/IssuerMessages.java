// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.phonebank.card.CardNumber;
import org.phonebank.money.Rials;
import org.phonebank.switchlink.ResponseCode;

/**
 * The switch's side of the ISO 8583:1987 mapping (docs/switch-message-spec.md). It is written apart
 * from the bridge's own mapping on purpose: a field the bridge gets wrong shows up as a failed
 * exchange instead of being hidden by shared code.
 */
final class IssuerMessages {

  static final String SIGN_ON = "001";
  static final String SIGN_OFF = "002";
  static final String ECHO_TEST = "301";

  private static final int PAN = 2;
  private static final int PROCESSING_CODE = 3;
  private static final int AMOUNT = 4;
  private static final int STAN = 11;
  private static final int RRN = 37;
  private static final int APPROVAL_CODE = 38;
  private static final int RESPONSE_CODE = 39;
  private static final int TERMINAL_ID = 41;
  private static final int ADDITIONAL_DATA = 48;
  private static final int PIN_DATA = 52;
  private static final int SECURITY_CONTROL = 53;
  private static final int ADDITIONAL_AMOUNTS = 54;
  private static final int AES_PIN_DATA = 62;
  private static final int NEW_PIN_DATA = 63;
  private static final int MAC = 64;
  private static final int NETWORK_CODE = 70;
  private static final int ORIGINAL_DATA = 90;
  private static final int DESTINATION = 103;
  private static final int SECONDARY_MAC = 128;

  private static final String RIAL = "364";
  private static final String FORMAT_4 = "04";
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private IssuerMessages() {}

  static String mti(ISOMsg m) {
    return m.getString(0);
  }

  static boolean isRequest(ISOMsg m) {
    String mti = m.getString(0);
    return mti != null && mti.length() == 4 && ((mti.charAt(2) - '0') & 1) == 0;
  }

  static boolean isNetwork(ISOMsg m) {
    return "0800".equals(m.getString(0));
  }

  static String networkCode(ISOMsg m) {
    return m.getString(NETWORK_CODE);
  }

  static boolean isFinancial(ISOMsg m) {
    return "0200".equals(m.getString(0));
  }

  static boolean isReversal(ISOMsg m) {
    return "0420".equals(m.getString(0)) || "0421".equals(m.getString(0));
  }

  /** Terminal, STAN and RRN: what makes a financial transaction unique. */
  static String transactionKey(ISOMsg m) {
    return m.getString(TERMINAL_ID) + "|" + m.getString(STAN) + "|" + m.getString(RRN);
  }

  /** The key of the original a reversal names: its terminal, the STAN in field 90, its RRN. */
  static String originalKey(ISOMsg reversal) {
    String original = reversal.getString(ORIGINAL_DATA);
    String stan =
        original != null && original.length() >= 10
            ? original.substring(4, 10)
            : reversal.getString(STAN);
    return reversal.getString(TERMINAL_ID) + "|" + stan + "|" + reversal.getString(RRN);
  }

  static String pan(ISOMsg m) {
    return m.getString(PAN);
  }

  static String processingCode(ISOMsg m) {
    String code = m.getString(PROCESSING_CODE);
    return code == null ? "" : code;
  }

  /** Field 4 in rials; -1 when absent or not digits. */
  static long amount(ISOMsg m) {
    String value = m.getString(AMOUNT);
    return value != null && value.matches("[0-9]{1,12}") ? Long.parseLong(value) : -1;
  }

  static String destination(ISOMsg m) {
    return m.getString(DESTINATION);
  }

  static String additionalData(ISOMsg m) {
    return m.getString(ADDITIONAL_DATA);
  }

  /** True when field 53 says the PIN block is ISO format 4 (AES, hex in field 62). */
  static boolean isFormat4(ISOMsg m) {
    String control = m.getString(SECURITY_CONTROL);
    return control != null && control.startsWith(FORMAT_4);
  }

  /**
   * The enciphered PIN block (field 52, or field 62 for format 4), or null when the request has
   * none.
   */
  static byte[] pinBlock(ISOMsg m) {
    return isFormat4(m) ? hex(m.getString(AES_PIN_DATA)) : m.getBytes(PIN_DATA);
  }

  /** The new PIN's block of a PIN change (field 63, hex), or null. */
  static byte[] newPinBlock(ISOMsg m) {
    return hex(m.getString(NEW_PIN_DATA));
  }

  private static byte[] hex(String text) {
    if (text == null || text.length() % 2 != 0 || !text.matches("[0-9A-Fa-f]+")) {
      return null;
    }
    return HexFormat.of().parseHex(text);
  }

  /**
   * The answer to {@code request} with {@code code}: the request's fields minus PIN data and MAC.
   */
  static ISOMsg answer(ISOMsg request, ResponseCode code) {
    return answer(request, code.code());
  }

  static ISOMsg answer(ISOMsg request, String code) {
    ISOMsg response = (ISOMsg) request.clone();
    for (int field :
        new int[] {PIN_DATA, SECURITY_CONTROL, AES_PIN_DATA, NEW_PIN_DATA, MAC, SECONDARY_MAC}) {
      response.unset(field);
    }
    try {
      if (isReversal(request)) {
        response.setMTI("0430");
      } else {
        response.setResponseMTI();
      }
    } catch (ISOException e) {
      throw new IllegalArgumentException("Request without a valid MTI.", e);
    }
    response.set(RESPONSE_CODE, code);
    return response;
  }

  /** An approval with its code and the balance as ledger (01) and available (02) amounts. */
  static ISOMsg approved(ISOMsg request, String approvalCode, Rials balance) {
    ISOMsg response = answer(request, ResponseCode.APPROVED);
    response.set(APPROVAL_CODE, approvalCode);
    response.set(ADDITIONAL_AMOUNTS, amount("01", balance) + amount("02", balance));
    return response;
  }

  /** The holder's name in field 48, as UTF-8 bytes in the 8-bit character field. */
  static void setHolderName(ISOMsg response, String name) {
    response.set(
        ADDITIONAL_DATA,
        new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
  }

  /** The mini-statement in field 48: per line yyyyMMdd, C or D, n12 amount; newest first. */
  static void setStatement(ISOMsg response, List<Ledger.Posting> postings) {
    StringBuilder field = new StringBuilder();
    for (Ledger.Posting p : postings) {
      field
          .append(DAY.format(p.day()))
          .append(p.amount() < 0 ? 'D' : 'C')
          .append(String.format("%012d", Math.abs(p.amount())));
    }
    if (field.length() > 0) {
      response.set(ADDITIONAL_DATA, field.toString());
    }
  }

  static String responseCode(ISOMsg m) {
    return m.getString(RESPONSE_CODE);
  }

  /** MTI, STAN, terminal and masked card of a message, for the simulator's own log. */
  static String describe(ISOMsg m) {
    String pan = maskedPan(m);
    return header(m) + (pan == null ? "" : " card " + pan);
  }

  /**
   * The same naming {@code card}, the issuer's reading of field 2 or track 2, masked; field 2's
   * masked PAN when there is none, and "(unknown)" when neither.
   */
  static String describe(ISOMsg m, CardNumber card) {
    String pan = card != null ? card.masked() : maskedPan(m);
    return header(m) + " card " + (pan == null ? "(unknown)" : pan);
  }

  private static String header(ISOMsg m) {
    return m.getString(0) + " STAN " + m.getString(STAN) + " terminal " + m.getString(TERMINAL_ID);
  }

  /** Field 2 as first six, six stars and last four; null when absent or shorter than a PAN. */
  private static String maskedPan(ISOMsg m) {
    String pan = m.getString(PAN);
    return pan == null || pan.length() < 13
        ? null
        : pan.substring(0, 6) + "******" + pan.substring(pan.length() - 4);
  }

  /** One 20-character block: default account type, amount type, IRR, sign, twelve digits. */
  private static String amount(String type, Rials balance) {
    return "00"
        + type
        + RIAL
        + (balance.isNegative() ? "D" : "C")
        + String.format("%012d", Math.abs(balance.value()));
  }
}
