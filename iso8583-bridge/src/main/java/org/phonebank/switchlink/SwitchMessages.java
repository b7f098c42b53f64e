// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jpos.iso.ISOComponent;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.phonebank.banking.BalanceInquiry;
import org.phonebank.banking.BillPayment;
import org.phonebank.banking.CardBlock;
import org.phonebank.banking.HolderNameInquiry;
import org.phonebank.banking.MiniStatementInquiry;
import org.phonebank.banking.PinChange;
import org.phonebank.banking.Stan;
import org.phonebank.banking.StatementLine;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.SwitchRequest;
import org.phonebank.banking.Transfer;
import org.phonebank.banking.TransferDestination;
import org.phonebank.money.Rials;
import org.phonebank.switchlink.pin.PinBlock;
import org.phonebank.switchlink.pin.PinFormat;

/**
 * The mapping between banking requests and ISO 8583:1987 messages: the only class that knows field
 * numbers, MTIs and processing codes (docs/switch-message-spec.md describes the same layout for the
 * switch team). Values marked [C] in DOMAIN.md (entry mode, condition code, private fields) are
 * conventions to be confirmed against the switch's interface specification.
 */
final class SwitchMessages {

  static final String FINANCIAL_REQUEST = "0200";
  static final String REVERSAL_ADVICE = "0420";
  static final String REVERSAL_REPEAT = "0421";
  static final String NETWORK_REQUEST = "0800";
  static final String NETWORK_RESPONSE = "0810";

  static final String BALANCE_INQUIRY = "310000";
  static final String MINI_STATEMENT = "380000";
  static final String HOLDER_NAME = "3300";
  static final String TRANSFER = "4000";
  static final String BILL_PAYMENT = "500000";
  static final String CARD_BLOCK = "930000";
  static final String PIN_CHANGE = "940000";

  /**
   * "To account" digits of field 3: the destination in field 103 is a card number, or an account
   * number.
   */
  static final String TO_CARD = "00";

  static final String TO_ACCOUNT = "10";

  static final String SIGN_ON = "001";
  static final String SIGN_OFF = "002";
  static final String ECHO_TEST = "301";

  private static final int PAN = 2;
  private static final int PROCESSING_CODE = 3;
  private static final int AMOUNT = 4;
  private static final int TRANSMISSION_TIME = 7;
  private static final int STAN = 11;
  private static final int LOCAL_TIME = 12;
  private static final int LOCAL_DATE = 13;
  private static final int SETTLEMENT_DATE = 15;
  private static final int ENTRY_MODE = 22;
  private static final int CONDITION_CODE = 25;
  private static final int ACQUIRER_ID = 32;
  private static final int RRN = 37;
  private static final int APPROVAL_CODE = 38;
  private static final int RESPONSE_CODE = 39;
  private static final int TERMINAL_ID = 41;
  private static final int CARD_ACCEPTOR_ID = 42;
  private static final int ADDITIONAL_DATA = 48;
  private static final int CURRENCY = 49;
  private static final int PIN_DATA = 52;
  private static final int SECURITY_CONTROL = 53;
  private static final int ADDITIONAL_AMOUNTS = 54;
  private static final int AES_PIN_DATA = 62;
  private static final int NEW_PIN_DATA = 63;
  private static final int NETWORK_CODE = 70;
  private static final int ORIGINAL_DATA = 90;
  private static final int DESTINATION = 103;

  private static final String ZERO_AMOUNT = "000000000000";

  /** Manual key entry (01), terminal accepts PINs (1). [C] */
  private static final String KEYED_WITH_PIN = "011";

  /** Mail or telephone order, customer not present. [C] */
  private static final String TELEPHONE_ORDER = "08";

  /**
   * Key index 01 of the zone PIN key, then zeros; the first two digits name the PIN block format.
   */
  private static final String KEY_INDEX_AND_FILL = "01000000000000";

  private static final DateTimeFormatter GMT_STAMP =
      DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LOCAL_TIME_OF_DAY = DateTimeFormatter.ofPattern("HHmmss");
  private static final DateTimeFormatter LOCAL_MONTH_DAY = DateTimeFormatter.ofPattern("MMdd");
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private SwitchMessages() {}

  /**
   * The 0200 for {@code request}. {@code pin} is the caller's PIN block (the old PIN for a PIN
   * change), {@code newPin} the new one for a PIN change, else null.
   */
  static ISOMsg financialRequest(
      SwitchRequest request,
      PinBlock pin,
      PinBlock newPin,
      PinFormat format,
      SwitchSettings settings) {
    ISOMsg m = identified(FINANCIAL_REQUEST, request, settings);
    m.set(ENTRY_MODE, KEYED_WITH_PIN);
    m.set(CONDITION_CODE, TELEPHONE_ORDER);
    m.set(CARD_ACCEPTOR_ID, settings.cardAcceptorId());
    m.set(SECURITY_CONTROL, format.code() + KEY_INDEX_AND_FILL);
    if (format == PinFormat.ISO_0) {
      set(m, new ProtectedBinaryField(PIN_DATA, pin.bytes()));
    } else {
      set(m, new ProtectedTextField(AES_PIN_DATA, hex(pin)));
    }
    if (newPin != null) {
      set(m, new ProtectedTextField(NEW_PIN_DATA, hex(newPin)));
    }
    if (request instanceof Transfer t) {
      m.set(DESTINATION, destination(t.destination()));
    } else if (request instanceof HolderNameInquiry h) {
      m.set(DESTINATION, destination(h.destination()));
    } else if (request instanceof BillPayment b) {
      m.set(ADDITIONAL_DATA, b.billId().digits() + "=" + b.paymentId().digits());
    } else if (request instanceof CardBlock c) {
      m.set(ADDITIONAL_DATA, c.reason().name());
    }
    return m;
  }

  /**
   * The 0420 that reverses {@code request}: the original's fields 2, 3, 4, 11, 37, 41 (and 12, 13,
   * 32, 42, 49), a fresh field 7, and field 90 naming the original. No PIN data.
   */
  static ISOMsg reversalAdvice(SwitchRequest request, Instant now, SwitchSettings settings) {
    ISOMsg m = identified(REVERSAL_ADVICE, request, settings);
    m.set(CARD_ACCEPTOR_ID, settings.cardAcceptorId());
    m.set(TRANSMISSION_TIME, GMT_STAMP.format(now));
    m.set(
        ORIGINAL_DATA,
        FINANCIAL_REQUEST
            + request.ids().stan().digits()
            + GMT_STAMP.format(request.ids().transmittedAt())
            + zeroPadded(settings.acquirerId())
            + zeroPadded(settings.forwardingId()));
    return m;
  }

  /**
   * Fields every request carries: MTI, PAN, processing code, amount, times, STAN, RRN, ids,
   * currency.
   */
  private static ISOMsg identified(String mti, SwitchRequest request, SwitchSettings settings) {
    Instant at = request.ids().transmittedAt();
    ISOMsg m = new ISOMsg(mti);
    m.set(PAN, request.card().digits());
    m.set(PROCESSING_CODE, processingCode(request));
    Rials amount = request.amount();
    m.set(AMOUNT, amount == null ? ZERO_AMOUNT : String.format("%012d", amount.value()));
    m.set(TRANSMISSION_TIME, GMT_STAMP.format(at));
    m.set(STAN, request.ids().stan().digits());
    m.set(LOCAL_TIME, LOCAL_TIME_OF_DAY.format(at.atZone(settings.localZone())));
    m.set(LOCAL_DATE, LOCAL_MONTH_DAY.format(at.atZone(settings.localZone())));
    m.set(ACQUIRER_ID, settings.acquirerId());
    m.set(RRN, request.ids().rrn().value());
    m.set(TERMINAL_ID, settings.terminalId());
    m.set(CURRENCY, Rials.ISO_NUMERIC_CODE);
    return m;
  }

  static String processingCode(SwitchRequest request) {
    if (request instanceof BalanceInquiry) {
      return BALANCE_INQUIRY;
    } else if (request instanceof MiniStatementInquiry) {
      return MINI_STATEMENT;
    } else if (request instanceof HolderNameInquiry h) {
      return HOLDER_NAME + toType(h.destination());
    } else if (request instanceof Transfer t) {
      return TRANSFER + toType(t.destination());
    } else if (request instanceof BillPayment) {
      return BILL_PAYMENT;
    } else if (request instanceof CardBlock) {
      return CARD_BLOCK;
    } else if (request instanceof PinChange) {
      return PIN_CHANGE;
    }
    throw new IllegalArgumentException(
        "Unknown request " + request.getClass().getSimpleName() + ".");
  }

  private static String toType(TransferDestination destination) {
    return destination instanceof TransferDestination.ToCard ? TO_CARD : TO_ACCOUNT;
  }

  private static String destination(TransferDestination destination) {
    if (destination instanceof TransferDestination.ToCard c) {
      return c.card().digits();
    }
    return ((TransferDestination.ToOwnAccount) destination).account().digits();
  }

  /** Zeroes and removes the PIN data once the message has been sent. */
  static void wipePinData(ISOMsg m) {
    for (int field : new int[] {PIN_DATA, AES_PIN_DATA, NEW_PIN_DATA}) {
      ISOComponent component = m.getComponent(field);
      if (component != null) {
        try {
          if (component.getValue() instanceof byte[] bytes) {
            Arrays.fill(bytes, (byte) 0);
          }
        } catch (ISOException e) {
          // A leaf field always has a value; nothing to wipe otherwise.
        }
        m.unset(field);
      }
    }
  }

  /**
   * What a 0210 says about {@code request}.
   *
   * @throws IllegalArgumentException when the response is malformed (then the outcome is unknown)
   */
  static SwitchOutcome outcome(SwitchRequest request, ISOMsg response) {
    String code = responseCode(response);
    LocalDate settlementDate =
        settlementDate(response.getString(SETTLEMENT_DATE), request.ids().transmittedAt());
    if (!ResponseCode.APPROVED.code().equals(code)) {
      return new SwitchOutcome.Declined(ResponseCode.declineReasonOf(code), code, settlementDate);
    }
    String approvalCode =
        Optional.ofNullable(response.getString(APPROVAL_CODE)).map(String::trim).orElse("");
    Rials balance =
        AdditionalAmounts.availableBalance(response.getString(ADDITIONAL_AMOUNTS)).orElse(null);
    String holder = null;
    List<StatementLine> statement = List.of();
    if (request instanceof HolderNameInquiry) {
      holder = utf8(response.getString(ADDITIONAL_DATA));
      if (holder == null || holder.isBlank()) {
        throw new IllegalArgumentException("Approved holder-name inquiry without a name.");
      }
    } else if (request instanceof MiniStatementInquiry) {
      statement = StatementField.parse(response.getString(ADDITIONAL_DATA));
    }
    return new SwitchOutcome.Approved(approvalCode, balance, holder, statement, settlementDate);
  }

  /**
   * Field 15 (MMDD) as a date: it carries no year, so the year is the one that puts it nearest to
   * the request's transmission (a settlement date is a day or two from it, across New Year too).
   * Null when the answer has none or it is not a date; the journal then dates the entry by its
   * transmission time.
   */
  static LocalDate settlementDate(String mmdd, Instant transmittedAt) {
    if (mmdd == null || !mmdd.matches("[0-9]{4}")) {
      return null;
    }
    MonthDay day;
    try {
      day = MonthDay.parse(mmdd, LOCAL_MONTH_DAY);
    } catch (DateTimeParseException e) {
      return null;
    }
    LocalDate sent = transmittedAt.atOffset(ZoneOffset.UTC).toLocalDate();
    LocalDate nearest = null;
    for (int year = sent.getYear() - 1; year <= sent.getYear() + 1; year++) {
      if (!day.isValidYear(year)) {
        continue;
      }
      LocalDate candidate = day.atYear(year);
      if (nearest == null
          || Math.abs(ChronoUnit.DAYS.between(sent, candidate))
              < Math.abs(ChronoUnit.DAYS.between(sent, nearest))) {
        nearest = candidate;
      }
    }
    return nearest;
  }

  /** The two-character response code. @throws IllegalArgumentException when missing or malformed */
  static String responseCode(ISOMsg response) {
    String code = response.getString(RESPONSE_CODE);
    if (code == null || !code.matches("[0-9A-Z]{2}")) {
      throw new IllegalArgumentException("Response without a response code.");
    }
    return code;
  }

  /**
   * The holder name travels as UTF-8 bytes in an 8-bit character field (jPOS reads it as
   * ISO-8859-1).
   */
  private static String utf8(String latin1) {
    return latin1 == null
        ? null
        : new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  static ISOMsg signOn(Stan stan, Instant at, SwitchSettings settings) {
    return network(SIGN_ON, stan, at, settings);
  }

  static ISOMsg signOff(Stan stan, Instant at, SwitchSettings settings) {
    return network(SIGN_OFF, stan, at, settings);
  }

  /** 0800 echo test; field 41 is set so the answer matches on the same key as any request. */
  static ISOMsg echoRequest(Stan stan, Instant at, SwitchSettings settings) {
    return network(ECHO_TEST, stan, at, settings);
  }

  private static ISOMsg network(String code, Stan stan, Instant at, SwitchSettings settings) {
    ISOMsg m = new ISOMsg(NETWORK_REQUEST);
    m.set(TRANSMISSION_TIME, GMT_STAMP.format(at));
    m.set(STAN, stan.digits());
    m.set(TERMINAL_ID, settings.terminalId());
    m.set(NETWORK_CODE, code);
    return m;
  }

  static boolean isEchoRequest(ISOMsg m) {
    return NETWORK_REQUEST.equals(m.getString(0)) && ECHO_TEST.equals(m.getString(NETWORK_CODE));
  }

  /** An 0810 with response code 00. */
  static boolean isApprovedNetworkResponse(ISOMsg m) {
    return NETWORK_RESPONSE.equals(m.getString(0))
        && ResponseCode.APPROVED.code().equals(m.getString(RESPONSE_CODE));
  }

  static boolean isApprovedEcho(ISOMsg m) {
    return isApprovedNetworkResponse(m);
  }

  /** 0810 answering the switch's own network-management request (echo). */
  static ISOMsg networkResponse(ISOMsg request) {
    ISOMsg m = (ISOMsg) request.clone();
    try {
      m.setResponseMTI();
    } catch (ISOException e) {
      throw new IllegalArgumentException("Request without a valid MTI.", e);
    }
    m.set(RESPONSE_CODE, ResponseCode.APPROVED.code());
    return m;
  }

  static ISOMsg echoResponse(ISOMsg request) {
    return networkResponse(request);
  }

  /**
   * Financial (class 2) and reversal (class 4) messages carry a MAC; network management does not.
   */
  static boolean carriesMac(ISOMsg m) {
    String mti = m.getString(0);
    return mti != null && mti.length() == 4 && (mti.charAt(1) == '2' || mti.charAt(1) == '4');
  }

  static boolean isResponse(ISOMsg m) {
    String mti = m.getString(0);
    return mti != null
        && mti.length() == 4
        && mti.chars().allMatch(Character::isDigit)
        && ((mti.charAt(2) - '0') & 1) == 1;
  }

  /** A repeat of an advice keeps every field; only the MTI's last digit becomes 1. */
  static void markRepeat(ISOMsg m) {
    try {
      m.setMTI(m.getString(0).substring(0, 3) + "1");
    } catch (ISOException e) {
      throw new IllegalArgumentException("Advice without a valid MTI.", e);
    }
  }

  /**
   * The key a response is matched to its request by, as jPOS's QMUX does with its configured key
   * fields: the MTI with its function digit made even (0200 and 0210 share {@code 020},
   * 0420/0421/0430 share {@code 042}), terminal id, STAN, RRN (field 37) and transmission time
   * (field 7). The STAN alone is not enough: six digits wrap within a busy day, after which a late
   * answer to an earlier request with the same STAN would be taken for the new one's. The RRN is
   * unique per terminal for years (the journal's serial) and field 7 tells two sends of one RRN
   * apart. Arrival order never matters.
   */
  static String matchKey(ISOMsg m) {
    String mti = m.getString(0);
    if (mti == null || mti.length() != 4 || !mti.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("Message without a valid MTI.");
    }
    int function = (mti.charAt(2) - '0') & ~1;
    return mti.substring(0, 2)
        + function
        + "|"
        + nullToEmpty(m.getString(TERMINAL_ID)).trim()
        + "|"
        + nullToEmpty(m.getString(STAN))
        + "|"
        + nullToEmpty(m.getString(RRN))
        + "|"
        + nullToEmpty(m.getString(TRANSMISSION_TIME));
  }

  /** Fields an answer must echo unchanged from its request: card, processing code, amount, RRN. */
  static final int[] ECHOED = {PAN, PROCESSING_CODE, AMOUNT, RRN};

  /**
   * The first of {@link #ECHOED} that {@code response} carries with another value than {@code
   * request}, or -1 when it echoes them all. A field the answer leaves out is not held against it
   * (switches need not echo field 2), but one it carries must be the request's: an answer for
   * another card, amount or transaction is not this request's answer, whatever its STAN.
   */
  static int mismatchedEcho(ISOMsg request, ISOMsg response) {
    for (int field : ECHOED) {
      if (response.hasField(field)
          && !Objects.equals(request.getString(field), response.getString(field))) {
        return field;
      }
    }
    return -1;
  }

  /**
   * MTI, STAN, RRN, terminal, masked card and response code: all a log line may show of a message.
   */
  static String describe(ISOMsg m) {
    String pan = m.getString(PAN);
    String masked =
        pan == null || pan.length() < 13
            ? ""
            : " card " + pan.substring(0, 6) + "******" + pan.substring(pan.length() - 4);
    String code = m.getString(RESPONSE_CODE);
    return nullToEmpty(m.getString(0))
        + " STAN "
        + nullToEmpty(m.getString(STAN))
        + (m.hasField(RRN) ? " RRN " + m.getString(RRN) : "")
        + " terminal "
        + nullToEmpty(m.getString(TERMINAL_ID)).trim()
        + masked
        + (code == null ? "" : " code " + code);
  }

  private static String hex(PinBlock block) {
    byte[] bytes = block.bytes();
    try {
      return HEX.formatHex(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static String zeroPadded(String institution) {
    return "0".repeat(11 - institution.length()) + institution;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static void set(ISOMsg m, ISOComponent field) {
    try {
      m.set(field);
    } catch (ISOException e) {
      throw new IllegalStateException("Cannot set a PIN field.", e);
    }
  }
}
