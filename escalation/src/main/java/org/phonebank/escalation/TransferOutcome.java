// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.util.Objects;
import java.util.Optional;

/** What came of an officer's transfer: done, or refused with nothing changed. */
public sealed interface TransferOutcome {

  /**
   * Recorded: the caller waits in the target queue, or rings the named officer ({@code offered}),
   * and the transferring officer is in WRAP_UP.
   */
  record Transferred(Transfer transfer, Optional<Offer> offered) implements TransferOutcome {
    public Transferred {
      Objects.requireNonNull(transfer, "Transfer is required.");
      Objects.requireNonNull(offered, "Offer is required (empty for a queue).");
    }
  }

  /** Refused; the queues are as they were. */
  record Refused(Why why) implements TransferOutcome {
    public Refused {
      Objects.requireNonNull(why, "Reason is required.");
    }
  }

  /** Why a transfer is refused, in words for the officer's page. */
  enum Why {
    UNKNOWN_QUEUE("There is no queue by that name."),
    UNKNOWN_OFFICER("There is no officer by that id."),
    NOT_YOUR_CALLER("You are not talking to that caller."),
    TO_YOURSELF("You cannot transfer a caller to yourself."),
    OFFICER_CANNOT_SERVE("That officer does not speak the caller's language or serve their queue."),
    OFFICER_NOT_READY("That officer is not ready to take a call.");

    private final String words;

    Why(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }
}
