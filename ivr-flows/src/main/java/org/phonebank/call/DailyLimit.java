// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.util.Objects;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;
import org.phonebank.prompt.Prompt;
import org.phonebank.prompt.SpokenAmount;

/**
 * The phone channel's limit per card and business day for one kind of money movement, and the
 * sentence that tells the caller what the day still allows. The journal enforces it atomically when
 * the movement is sent ({@link JournalledSwitch#sendWithinDailyLimit}); {@link #courtesyRefusal}
 * only tells the caller early, when the amount is known.
 *
 * @param type a type that moves money (transfer, bill payment)
 * @param rials the limit, positive
 * @param overLimit the sentence before the amount left, e.g. "… You may still transfer today"
 */
public record DailyLimit(TransactionType type, Rials rials, Phrase overLimit) {

  public DailyLimit {
    Objects.requireNonNull(type, "Transaction type is required.");
    Objects.requireNonNull(rials, "Daily limit is required.");
    Objects.requireNonNull(overLimit, "Over-the-limit phrase is required.");
    if (!type.movesMoney()) {
      throw new IllegalArgumentException("A " + type + " moves no money and has no daily limit.");
    }
    if (!rials.isPositive()) {
      throw new IllegalArgumentException("A daily limit must be positive.");
    }
  }

  /**
   * "The amount is more than your daily … limit allows. You may still … today {@code left}";
   * Persian ends with "است".
   */
  public Prompt refusal(Rials left, Language language) {
    Prompt said = overLimit.in(language).then(SpokenAmount.of(left, language));
    return language == Language.PERSIAN ? said.then(Prompt.of(language, "is-end")) : said;
  }

  /**
   * The refusal when {@code amount} does not fit what the journal counts for the card today, or
   * null when it fits now. A courtesy only: another call may take the room before this one sends.
   */
  public Prompt courtesyRefusal(
      JournalledSwitch bank, CardNumber card, Rials amount, Language language) {
    Rials left = rials.minus(bank.usedToday(card, type));
    if (amount.compareTo(left) > 0) {
      return refusal(left.isNegative() ? Rials.zero() : left, language);
    }
    return null;
  }
}
