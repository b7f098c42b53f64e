// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.SwitchOutcome;

class SwitchAnswerTest {

  @Test
  void anApprovalIsZeroZeroAndADeclineItsOwnFieldThirtyNine() {
    assertEquals("00", SwitchAnswer.label(new SwitchOutcome.Approved("123456")));
    assertEquals(
        "51",
        SwitchAnswer.label(new SwitchOutcome.Declined(DeclineReason.INSUFFICIENT_FUNDS, "51")));
  }

  @Test
  void noAnswerIsNamedForWhyItNeverCame() {
    assertEquals("unreachable", SwitchAnswer.label(new SwitchOutcome.Unreachable("link down")));
    assertEquals("timeout", SwitchAnswer.label(new SwitchOutcome.TimedOut()));
  }

  @Test
  void aResponseCodeThatIsNotTwoCharactersCannotMintANewSeries() {
    assertEquals(
        "other",
        SwitchAnswer.label(
            new SwitchOutcome.Declined(DeclineReason.INSUFFICIENT_FUNDS, "51\"} 1\nevil")));
    assertEquals(
        "other", SwitchAnswer.label(new SwitchOutcome.Declined(DeclineReason.INVALID_CARD, "x")));
  }
}
