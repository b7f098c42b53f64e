// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.balance;

import org.phonebank.money.Rials;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;
import org.phonebank.prompt.Prompt;
import org.phonebank.prompt.SpokenAmount;

/**
 * "Your available balance is one million rials"; Persian puts the verb last: «موجودی قابل برداشت
 * حساب شما یک میلیون ریال است».
 */
public final class BalanceAnnouncement {

  private BalanceAnnouncement() {}

  public static Prompt of(Rials balance, Language language) {
    Prompt sentence = Phrase.BALANCE_IS.in(language).then(SpokenAmount.of(balance, language));
    if (language == Language.PERSIAN) {
      return sentence.then(Prompt.of(language, "balance-is-end"));
    }
    return sentence;
  }
}
