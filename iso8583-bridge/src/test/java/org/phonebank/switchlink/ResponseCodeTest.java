// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.phonebank.banking.DeclineReason;

class ResponseCodeTest {

  @Test
  void codesOnTheWireMapToWhatTheCallerIsTold() {
    assertEquals(DeclineReason.INCORRECT_PIN, ResponseCode.declineReasonOf("55"));
    assertEquals(DeclineReason.INVALID_CARD, ResponseCode.declineReasonOf("14"));
    assertEquals(DeclineReason.INSUFFICIENT_FUNDS, ResponseCode.declineReasonOf("51"));
    assertEquals(DeclineReason.PIN_TRIES_EXCEEDED, ResponseCode.declineReasonOf("75"));
    assertEquals(DeclineReason.ISSUER_UNAVAILABLE, ResponseCode.declineReasonOf("91"));
  }

  @Test
  void everyCodeIsTwoCharactersAndUnique() {
    for (ResponseCode code : ResponseCode.values()) {
      assertEquals(2, code.code().length());
      assertEquals(code, ResponseCode.of(code.code()).orElseThrow());
    }
    assertTrue(ResponseCode.of("00").orElseThrow().isApproval());
  }
}
