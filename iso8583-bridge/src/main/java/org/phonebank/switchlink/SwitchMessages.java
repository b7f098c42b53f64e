// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import org.jpos.iso.ISOComponent;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.phonebank.banking.BalanceInquiry;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.money.Rials;
import org.phonebank.switchlink.pin.PinBlock;

/**
 * The mapping between banking requests and ISO 8583:1987 messages: the only class that knows field numbers,
 * MTIs and processing codes. Values marked [C] in DOMAIN.md (entry mode, condition code) are conventions to be
 * confirmed against the switch's interface specification.
 */
final class SwitchMessages {

  static final String FINANCIAL_REQUEST = "0200";
  static final String NETWORK_REQUEST = "0800";
  static final String NETWORK_RESPONSE = "0810";

  /** Processing code 31 (balance inquiry), default account types. */
  static final String BALANCE_INQUIRY = "310000";

  static final String ECHO_TEST = "301";

  private static final int PAN = 2;
  private static final int PROCESSING_CODE = 3;
  private static final int AMOUNT = 4;
  private static final int TRANSMISSION_TIME = 7;
  private static final int STAN = 11;
  private static final int LOCAL_TIME = 12;
  private static final int LOCAL_DATE = 13;
  private static final int ENTRY_MODE = 22;
  private static final int CONDITION_CODE = 25;
  private static final int ACQUIRER_ID = 32;
  private static final int RRN = 37;
  private static final int APPROVAL_CODE = 38;
  private static final int RESPONSE_CODE = 39;
  private static final int TERMINAL_ID = 41;
  private static final int CARD_ACCEPTOR_ID = 42;
  private static final int CURRENCY = 49;
  private static final int PIN_DATA = 52;
  private static final int ADDITIONAL_AMOUNTS = 54;
  private static final int NETWORK_CODE = 70;

  private static final String ZERO_AMOUNT = "000000000000";
  /** Manual key entry (01), terminal accepts PINs (1). [C] */
  private static final String KEYED_WITH_PIN = "011";
  /** Mail or telephone order, customer not present. [C] */
  private static final String TELEPHONE_ORDER = "08";

  private static final ZoneId LOCAL_ZONE = ZoneId.of("Asia/Tehran");
  private static final DateTimeFormatter GMT_STAMP =
      DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LOCAL_TIME_OF_DAY =
      DateTimeFormatter.ofPattern("HHmmss").withZone(LOCAL_ZONE);
  private static final DateTimeFormatter LOCAL_MONTH_DAY = DateTimeFormatter.ofPattern("MMdd").withZone(LOCAL_ZONE);

  private SwitchMessages() {}

  /** 0200 balance inquiry carrying the enciphered PIN block. */
  static ISOMsg balanceInquiry(BalanceInquiry inquiry, PinBlock pinBlock, SwitchSettings settings) {
    Instant at = inquiry.ids().transmittedAt();
    ISOMsg m = new ISOMsg(FINANCIAL_REQUEST);
    m.set(PAN, inquiry.card().digits());
    m.set(PROCESSING_CODE, BALANCE_INQUIRY);
    m.set(AMOUNT, ZERO_AMOUNT);
    m.set(TRANSMISSION_TIME, GMT_STAMP.format(at));
    m.set(STAN, inquiry.ids().stan().digits());
    m.set(LOCAL_TIME, LOCAL_TIME_OF_DAY.format(at));
    m.set(LOCAL_DATE, LOCAL_MONTH_DAY.format(at));
    m.set(ENTRY_MODE, KEYED_WITH_PIN);
    m.set(CONDITION_CODE, TELEPHONE_ORDER);
    m.set(ACQUIRER_ID, settings.acquirerId());
    m.set(RRN, inquiry.ids().rrn().value());
    m.set(TERMINAL_ID, settings.terminalId());
    m.set(CARD_ACCEPTOR_ID, settings.cardAcceptorId());
    m.set(CURRENCY, Rials.ISO_NUMERIC_CODE);
    set(m, new ProtectedBinaryField(PIN_DATA, pinBlock.bytes()));
    return m;
  }

  /** Zeroes and removes the PIN block once the message has been sent. */
  static void wipePinData(ISOMsg m) {
    ISOComponent field = m.getComponent(PIN_DATA);
    if (field != null) {
      try {
        if (field.getValue() instanceof byte[] bytes) {
          Arrays.fill(bytes, (byte) 0);
        }
      } catch (ISOException e) {
        // A leaf field always has a value; nothing to wipe otherwise.
      }
      m.unset(PIN_DATA);
    }
  }

  /**
   * What a 0210 to a balance inquiry says.
   *
   * @throws IllegalArgumentException when the response is malformed (then the outcome is unknown)
   */
  static SwitchOutcome balanceOutcome(ISOMsg response) {
    String code = response.getString(RESPONSE_CODE);
    if (code == null || !code.matches("[0-9A-Z]{2}")) {
      throw new IllegalArgumentException("Response without a response code.");
    }
    if (!ResponseCode.APPROVED.code().equals(code)) {
      return new SwitchOutcome.Declined(ResponseCode.declineReasonOf(code), code);
    }
    String approvalCode = Optional.ofNullable(response.getString(APPROVAL_CODE)).map(String::trim).orElse("");
    Rials balance = AdditionalAmounts.availableBalance(response.getString(ADDITIONAL_AMOUNTS)).orElse(null);
    return new SwitchOutcome.Approved(approvalCode, balance);
  }

  /** 0800 echo test; field 41 is set so the answer matches on the same key as any request. */
  static ISOMsg echoRequest(Stan stan, Instant at, SwitchSettings settings) {
    ISOMsg m = new ISOMsg(NETWORK_REQUEST);
    m.set(TRANSMISSION_TIME, GMT_STAMP.format(at));
    m.set(STAN, stan.digits());
    m.set(TERMINAL_ID, settings.terminalId());
    m.set(NETWORK_CODE, ECHO_TEST);
    return m;
  }

  static boolean isEchoRequest(ISOMsg m) {
    return NETWORK_REQUEST.equals(m.getString(0)) && ECHO_TEST.equals(m.getString(NETWORK_CODE));
  }

  static boolean isApprovedEcho(ISOMsg m) {
    return NETWORK_RESPONSE.equals(m.getString(0))
        && ResponseCode.APPROVED.code().equals(m.getString(RESPONSE_CODE));
  }

  /** 0810 answering the switch's own echo test. */
  static ISOMsg echoResponse(ISOMsg request) {
    ISOMsg m = (ISOMsg) request.clone();
    try {
      m.setResponseMTI();
    } catch (ISOException e) {
      throw new IllegalArgumentException("Echo request without a valid MTI.", e);
    }
    m.set(RESPONSE_CODE, ResponseCode.APPROVED.code());
    return m;
  }

  static boolean isResponse(ISOMsg m) {
    String mti = m.getString(0);
    return mti != null && mti.length() == 4 && ((mti.charAt(2) - '0') & 1) == 1;
  }

  /**
   * The key a response is matched to its request by, as jPOS's QMUX does: the MTI with its function digit made
   * even (0200 and 0210 share {@code 020}) plus terminal id and STAN. Arrival order never matters.
   */
  static String matchKey(ISOMsg m) {
    String mti = m.getString(0);
    if (mti == null || mti.length() != 4 || !mti.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("Message without a valid MTI.");
    }
    int function = (mti.charAt(2) - '0') & ~1;
    return mti.substring(0, 2) + function + "|" + nullToEmpty(m.getString(TERMINAL_ID)).trim() + "|"
        + nullToEmpty(m.getString(STAN));
  }

  /** MTI, STAN and terminal: all a log line may show of a message. */
  static String describe(ISOMsg m) {
    return nullToEmpty(m.getString(0)) + " STAN " + nullToEmpty(m.getString(STAN)) + " terminal "
        + nullToEmpty(m.getString(TERMINAL_ID)).trim();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static void set(ISOMsg m, ISOComponent field) {
    try {
      m.set(field);
    } catch (ISOException e) {
      throw new IllegalStateException("Cannot set field " + PIN_DATA + ".", e);
    }
  }
}
