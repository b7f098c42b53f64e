// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.phonebank.card.CardFingerprint;

/** The desk's port to what the phone bank recorded about escalated calls and their wrap-ups. */
public interface CustomerContexts {

  Optional<CallerContext> context(long entryId);

  /** The card's calls since {@code since}, newest first, keyed on its fingerprint alone. */
  List<PastContact> history(CardFingerprint card, Instant since);

  /** The queue entry of the last call this officer answered, if any. */
  Optional<Long> lastAnswered(String officerId);

  /** Records the wrap-up of a handled call; false if that call already has one. */
  boolean wrapUp(long entryId, String officerId, WrapUpCode code, String note, Instant at);
}
