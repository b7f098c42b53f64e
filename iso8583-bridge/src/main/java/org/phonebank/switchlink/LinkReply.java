// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.util.Objects;
import org.jpos.iso.ISOMsg;

/** What came back from one request on the switch link. */
public sealed interface LinkReply {

  /** The switch answered; the response matched the request's key. */
  record Answered(ISOMsg response) implements LinkReply {
    public Answered {
      Objects.requireNonNull(response, "Response is required.");
    }
  }

  /**
   * Nothing left this side: no link, or the message could not be packed. The switch never saw it.
   */
  record NotSent(String reason) implements LinkReply {}

  /** The request went out (or may have) and no answer came in time: the outcome is unknown. */
  record NoAnswer(String reason) implements LinkReply {}
}
