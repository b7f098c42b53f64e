// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * The officer's leg of one offer: the id of the channel that rings the officer's phone and, once
 * they answer, carries the conversation. Derived from the offer's id alone, so the node whose call
 * flow rings the officer (FreeSWITCH {@code origination_uuid}) and the console that must stop that
 * ringing or end that conversation (refuse, transfer) name the same channel without sharing
 * anything but the offer. Offer ids are never reused, so neither is a leg id.
 */
public record OfficerLeg(String uuid) {

  public OfficerLeg {
    Objects.requireNonNull(uuid, "Leg id is required.");
    UUID.fromString(uuid);
  }

  public static OfficerLeg of(long offerId) {
    return new OfficerLeg(
        UUID.nameUUIDFromBytes(
                ("phonebank officer leg " + offerId).getBytes(StandardCharsets.UTF_8))
            .toString());
  }

  /** Why the phone bank ends an officer's leg. */
  public enum Release {
    /** The officer refused the offer on the console: their phone stops ringing. */
    REFUSED,
    /** The officer transferred the caller: their side of the conversation ends. */
    TRANSFERRED
  }
}
