// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.transfer;

import java.util.Objects;
import org.phonebank.call.DailyLimit;
import org.phonebank.call.IvrSettings;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.money.Rials;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;
import org.phonebank.prompt.Prompt;
import org.phonebank.prompt.SpokenAmount;

/**
 * The phone channel's own transfer limits, checked when the amount is keyed: one transfer may move
 * at most {@code transferLimit}, and a card's transfers of the business day at most {@code
 * dailyTransferLimit}. The daily check here is a courtesy so the caller hears it early; the
 * authority is the journal's atomic reservation when the transfer is sent ({@link
 * org.phonebank.call.MoneyMovement}). The issuer may have lower limits of its own; those come back
 * as declines.
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
      Prompt said =
          Phrase.AMOUNT_OVER_TRANSFER_LIMIT
              .in(language)
              .then(SpokenAmount.of(settings.transferLimit(), language));
      return language == Language.PERSIAN ? said.then(Prompt.of(language, "is-end")) : said;
    }
    return daily().courtesyRefusal(bank, card, amount, language);
  }

  /** The card's daily transfer limit, which the transfer is sent within. */
  public DailyLimit daily() {
    return settings.dailyTransfers();
  }
}
