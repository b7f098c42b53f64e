// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.phonebank.banking.BalanceInquiry;
import org.phonebank.banking.BankSwitch;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.card.TelephonePin;

/**
 * A bank switch that answers inquiries with scripted outcomes in order, and keeps what it was sent so a test
 * can see which PIN arrived (read at the time, the way a PIN block is built) and that it was wiped later.
 */
final class ScriptedSwitch implements BankSwitch {

  private final Deque<SwitchOutcome> answers;
  private final List<BalanceInquiry> received = new ArrayList<>();
  private final List<String> pinsSeen = new ArrayList<>();

  ScriptedSwitch(SwitchOutcome... answers) {
    this.answers = new ArrayDeque<>(List.of(answers));
  }

  @Override
  public SwitchOutcome balanceInquiry(BalanceInquiry inquiry) {
    received.add(inquiry);
    pinsSeen.add(inquiry.pin().reveal(String::new));
    if (answers.isEmpty()) {
      throw new AssertionError("The switch got an inquiry the test did not expect.");
    }
    return answers.removeFirst();
  }

  List<BalanceInquiry> received() {
    return List.copyOf(received);
  }

  List<TelephonePin> pinsReceived() {
    return received.stream().map(BalanceInquiry::pin).toList();
  }

  List<String> pinsSeen() {
    return List.copyOf(pinsSeen);
  }
}
