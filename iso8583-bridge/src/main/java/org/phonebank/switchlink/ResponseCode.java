// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.util.Arrays;
import java.util.Optional;
import org.phonebank.banking.DeclineReason;

/**
 * ISO 8583:1987 response codes (field 39) the phone bank understands, and what each means to a
 * caller.
 */
public enum ResponseCode {
  APPROVED("00", null),
  DO_NOT_HONOUR("05", DeclineReason.OTHER),
  INVALID_TRANSACTION("12", DeclineReason.NOT_PERMITTED),
  INVALID_AMOUNT("13", DeclineReason.OTHER),
  INVALID_CARD_NUMBER("14", DeclineReason.INVALID_CARD),
  FORMAT_ERROR("30", DeclineReason.OTHER),
  INSUFFICIENT_FUNDS("51", DeclineReason.INSUFFICIENT_FUNDS),
  EXPIRED_CARD("54", DeclineReason.EXPIRED_CARD),
  INCORRECT_PIN("55", DeclineReason.INCORRECT_PIN),
  NOT_PERMITTED_TO_CARDHOLDER("57", DeclineReason.NOT_PERMITTED),
  NOT_PERMITTED_TO_TERMINAL("58", DeclineReason.NOT_PERMITTED),
  EXCEEDS_AMOUNT_LIMIT("61", DeclineReason.LIMIT_EXCEEDED),
  /** A blocked (hot) card. */
  RESTRICTED_CARD("62", DeclineReason.INVALID_CARD),
  SECURITY_VIOLATION("63", DeclineReason.SECURITY_VIOLATION),
  EXCEEDS_FREQUENCY_LIMIT("65", DeclineReason.LIMIT_EXCEEDED),
  RESPONSE_TOO_LATE("68", DeclineReason.ISSUER_UNAVAILABLE),
  PIN_TRIES_EXCEEDED("75", DeclineReason.PIN_TRIES_EXCEEDED),
  ISSUER_INOPERATIVE("91", DeclineReason.ISSUER_UNAVAILABLE),
  ROUTING_NOT_FOUND("92", DeclineReason.ISSUER_UNAVAILABLE),
  DUPLICATE_TRANSMISSION("94", DeclineReason.OTHER),
  SYSTEM_MALFUNCTION("96", DeclineReason.ISSUER_UNAVAILABLE);

  private final String code;
  private final DeclineReason declineReason;

  ResponseCode(String code, DeclineReason declineReason) {
    this.code = code;
    this.declineReason = declineReason;
  }

  public static Optional<ResponseCode> of(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }

  /** The two characters on the wire. */
  public String code() {
    return code;
  }

  public boolean isApproval() {
    return this == APPROVED;
  }

  /** What to tell the caller; {@link DeclineReason#OTHER} for approvals is never asked for. */
  public DeclineReason declineReason() {
    return declineReason == null ? DeclineReason.OTHER : declineReason;
  }

  /**
   * The reason for any code on the wire, known or not: a code we do not know is still a decline.
   */
  public static DeclineReason declineReasonOf(String code) {
    return of(code).map(ResponseCode::declineReason).orElse(DeclineReason.OTHER);
  }
}
