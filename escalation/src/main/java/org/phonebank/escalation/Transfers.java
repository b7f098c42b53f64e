// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An officer sending the caller they talk to elsewhere, over the shared store:
 *
 * <ul>
 *   <li><b>to a queue</b>: the caller's entry waits again in that queue, keeping its priority and
 *       its first arrival time, so it goes back in line where it would have stood had it joined
 *       that queue in the first place (the routing order, {@link Router#SERVICE_ORDER}, is priority
 *       then arrival);
 *   <li><b>to a named officer</b>: offered to that officer at once (RESERVED, ringing for the ring
 *       timeout) if they are READY, speak the caller's language and could ever serve the caller's
 *       queue; otherwise refused with the reason, nothing changed. A no-answer or refusal then
 *       leaves the caller waiting in their queue like any other.
 * </ul>
 *
 * Either way the transfer is a row (who, when, from, to), the transferring officer goes to WRAP_UP
 * (they write their part of the call up), and their leg of the conversation is released ({@link
 * OfficerLegs}) so the caller's bridge ends and their call flow takes them back to the hold loop.
 * The caller's entry keeps its first answer time, so the figures count one answered call with its
 * speed of answer, in the queue it joined.
 */
public final class Transfers {

  private final EscalationSettings settings;
  private final EscalationStore store;
  private final Clock clock;
  private final OfficerLegs legs;

  Transfers(EscalationSettings settings, EscalationStore store, Clock clock, OfficerLegs legs) {
    this.settings = Objects.requireNonNull(settings, "Escalation settings are required.");
    this.store = Objects.requireNonNull(store, "Escalation store is required.");
    this.clock = Objects.requireNonNull(clock, "Clock is required.");
    this.legs = Objects.requireNonNull(legs, "Officer legs are required.");
  }

  /**
   * Transfers the caller of {@code entryId}, whom {@code officerId} is talking to, to {@code
   * target}.
   */
  public TransferOutcome transfer(String officerId, long entryId, TransferTarget target) {
    Objects.requireNonNull(officerId, "Officer is required.");
    Objects.requireNonNull(target, "Target is required.");
    Optional<QueuedCall> entry = store.entry(entryId);
    Optional<OfficerState> officer = store.officer(officerId);
    if (entry.isEmpty()
        || officer.isEmpty()
        || officer.get().status() != OfficerStatus.BUSY
        || officer.get().entryId() != entryId) {
      return new TransferOutcome.Refused(TransferOutcome.Why.NOT_YOUR_CALLER);
    }
    Instant now = clock.instant();
    String toQueue;
    String toOfficer = null;
    if (target instanceof TransferTarget.ToQueue queue) {
      if (settings.queues().stream().noneMatch(q -> q.name().equals(queue.queue()))) {
        return new TransferOutcome.Refused(TransferOutcome.Why.UNKNOWN_QUEUE);
      }
      toQueue = queue.queue();
    } else {
      String named = ((TransferTarget.ToOfficer) target).officerId();
      Optional<OfficerProfile> profile =
          settings.officers().stream().filter(o -> o.id().equals(named)).findFirst();
      if (profile.isEmpty()) {
        return new TransferOutcome.Refused(TransferOutcome.Why.UNKNOWN_OFFICER);
      }
      if (named.equals(officerId)) {
        return new TransferOutcome.Refused(TransferOutcome.Why.TO_YOURSELF);
      }
      if (!profile.get().speaks(entry.get().language())
          || !settings.queue(entry.get().queue()).couldReach(profile.get())) {
        return new TransferOutcome.Refused(TransferOutcome.Why.OFFICER_CANNOT_SERVE);
      }
      toQueue = entry.get().queue();
      toOfficer = named;
    }
    TransferOutcome outcome =
        store.transfer(
            entryId, officerId, toQueue, toOfficer, now, now.plus(settings.ringTimeout()));
    if (outcome instanceof TransferOutcome.Transferred done) {
      legs.release(OfficerLeg.of(done.transfer().answeredOffer()), OfficerLeg.Release.TRANSFERRED);
    }
    return outcome;
  }

  /** The caller's transfers, oldest first. */
  public List<Transfer> of(long entryId) {
    return store.transfers(entryId);
  }
}
