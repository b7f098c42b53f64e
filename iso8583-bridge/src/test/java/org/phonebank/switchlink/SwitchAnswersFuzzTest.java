// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.List;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.phonebank.banking.BalanceInquiry;
import org.phonebank.banking.HolderNameInquiry;
import org.phonebank.banking.MiniStatementInquiry;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchRequest;
import org.phonebank.banking.TransactionIds;
import org.phonebank.banking.TransferDestination;
import org.phonebank.card.CardNumber;
import org.phonebank.card.SealedPin;
import org.phonebank.testing.MaskingPinSealer;

/**
 * Whatever bytes arrive as an answer from the switch, unpacking them (jPOS's ISO87BPackager, as the
 * link does) and reading them as the answer to each request kind ends in an outcome or in a
 * declared error: {@link ISOException} from unpacking, {@link IllegalArgumentException} (outcome
 * unknown) from the reading. Any other exception is a finding. The corpus ({@code
 * src/test/resources/org/phonebank/switchlink/SwitchAnswersFuzzTestInputs/<method>/}) is seeded
 * from {@code fixtures/iso8583} and runs in every build; {@code JAZZER_FUZZ=1} fuzzes
 * (BENCHMARKS.md).
 */
class SwitchAnswersFuzzTest {

  private static final TransactionIds IDS =
      new TransactionIds(new Stan(123), new Rrn("000000000042"), Instant.EPOCH);
  private static final CardNumber CARD = new CardNumber("6037991234567893");
  private static final SealedPin PIN = MaskingPinSealer.sealed("7391", CARD);

  @FuzzTest(maxDuration = "6h", maxExecutions = 10_000_000)
  void anAnswerUnpacksAndReadsOrFailsWithItsDeclaredErrors(byte[] image) {
    ISOMsg answer = new ISOMsg();
    try {
      SwitchFraming.packager().unpack(answer, image);
    } catch (ISOException declared) {
      return;
    }
    SwitchMessages.isResponse(answer);
    SwitchMessages.isApprovedEcho(answer);
    SwitchMessages.carriesMac(answer);
    for (SwitchRequest request : requests()) {
      try {
        SwitchMessages.outcome(request, answer);
      } catch (IllegalArgumentException declared) {
        // a malformed answer: the outcome stays unknown and the journal says so
      }
    }
  }

  private static List<SwitchRequest> requests() {
    return List.of(
        new BalanceInquiry(IDS, CARD, PIN),
        new MiniStatementInquiry(IDS, CARD, PIN),
        new HolderNameInquiry(
            IDS, CARD, PIN, new TransferDestination.ToCard(new CardNumber("6219861112223333"))));
  }
}
