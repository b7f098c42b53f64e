// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.transfer;

import java.util.Objects;
import org.phonebank.call.IvrSettings;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;
import org.phonebank.prompt.Prompt;
import org.phonebank.prompt.SpokenAmount;

/**
 * The phone channel's own transfer limits, checked before the switch is asked: one transfer may
 * move at most {@code transferLimit}, and a card's transfers of the day (approved, or reversing and
 * so possibly posted, as the journal counts them) at most {@code dailyTransferLimit}. The issuer
 * may have lower limits of its own; those come back as declines.
 */
public final class TransferLimits {

  private final IvrSettings settings;
  private final JournalledSwitch bank;

  public TransferLimits(IvrSettings settings, JournalledSwitch bank) {
    this.settings = Objects.requireNonNull(settings, "IVR settings are required.");
    this.bank = Objects.requireNonNull(bank, "Journalled switch is required.");
  }

  /** Why {@code amount} may not go, with the limit that stops it, or null when it may. */
  public Prompt refusal(CardNumber card, Rials amount, Language language) {
    if (amount.compareTo(settings.transferLimit()) > 0) {
      return sentence(Phrase.AMOUNT_OVER_TRANSFER_LIMIT, settings.transferLimit(), language);
    }
    Rials usedToday = bank.approvedToday(card, TransactionType.TRANSFER);
    Rials left = settings.dailyTransferLimit().minus(usedToday);
    if (amount.compareTo(left) > 0) {
      return sentence(
          Phrase.AMOUNT_OVER_DAILY_LIMIT, left.isNegative() ? Rials.zero() : left, language);
    }
    return null;
  }

  private static Prompt sentence(Phrase phrase, Rials limit, Language language) {
    Prompt said = phrase.in(language).then(SpokenAmount.of(limit, language));
    return language == Language.PERSIAN ? said.then(Prompt.of(language, "is-end")) : said;
  }
}
