// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.phonebank.banking.BalanceInquiry;
import org.phonebank.banking.BankSwitch;
import org.phonebank.banking.BillPayment;
import org.phonebank.banking.CardBlock;
import org.phonebank.banking.HolderNameInquiry;
import org.phonebank.banking.MiniStatementInquiry;
import org.phonebank.banking.PinChange;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.SwitchRequest;
import org.phonebank.banking.Transfer;
import org.phonebank.card.SealedPin;
import org.phonebank.testing.MaskingPinSealer;

/**
 * A bank switch that answers requests with scripted outcomes in order, and keeps what it was sent
 * so a test can see which PINs arrived (opened at the time by the fixture's {@link #PINS}, the
 * sealer every flow test uses, as the bridge reads its PIN block) and that they were wiped later.
 */
public final class ScriptedSwitch implements BankSwitch {

  /** The sealer of the flow tests' PINs: handles without digits, which it alone can open. */
  public static final MaskingPinSealer PINS = new MaskingPinSealer();

  private final Deque<SwitchOutcome> answers;
  private final List<SwitchRequest> received = new ArrayList<>();
  private final List<String> pinsSeen = new ArrayList<>();

  public ScriptedSwitch(SwitchOutcome... answers) {
    this.answers = new ArrayDeque<>(List.of(answers));
  }

  @Override
  public SwitchOutcome send(SwitchRequest request) {
    received.add(request);
    for (SealedPin pin : pinsOf(request)) {
      pinsSeen.add(PINS.open(pin));
    }
    if (answers.isEmpty()) {
      throw new AssertionError(
          "The switch got a request the test did not expect: " + request.type());
    }
    return answers.removeFirst();
  }

  private static List<SealedPin> pinsOf(SwitchRequest request) {
    if (request instanceof BalanceInquiry r) {
      return List.of(r.pin());
    } else if (request instanceof MiniStatementInquiry r) {
      return List.of(r.pin());
    } else if (request instanceof HolderNameInquiry r) {
      return List.of(r.pin());
    } else if (request instanceof Transfer r) {
      return List.of(r.pin());
    } else if (request instanceof BillPayment r) {
      return List.of(r.pin());
    } else if (request instanceof CardBlock r) {
      return List.of(r.pin());
    } else if (request instanceof PinChange r) {
      return List.of(r.oldPin(), r.newPin());
    }
    return List.of();
  }

  public List<SwitchRequest> received() {
    return List.copyOf(received);
  }

  public List<BalanceInquiry> inquiries() {
    return received.stream()
        .filter(BalanceInquiry.class::isInstance)
        .map(BalanceInquiry.class::cast)
        .toList();
  }

  public List<SealedPin> pinsReceived() {
    return received.stream().flatMap(r -> pinsOf(r).stream()).toList();
  }

  public List<String> pinsSeen() {
    return List.copyOf(pinsSeen);
  }

  public boolean allAnswered() {
    return answers.isEmpty();
  }
}
