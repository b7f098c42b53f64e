// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Calling back the callers who left a number, on one node over the shared store. A callback keeps
 * its caller's place: the routing rounds ({@link Escalations#dispatch}) reserve an officer for it
 * like for a caller on hold. Each round of the dialler then:
 *
 * <ol>
 *   <li>ends as CALLBACK_EXPIRED the callbacks asked for longer ago than {@code callback-expiry};
 *   <li>claims the reserved callbacks no node is calling yet ({@link
 *       EscalationStore#claimCallback}: of several nodes, exactly one gets each), moving the
 *       offer's deadline past the customer's ring time and the officer's, so no sweep ends the
 *       offer while the call is being placed;
 *   <li>hands each claimed call to the dialler, which rings the customer and then the officer and
 *       reports back: {@link #notReached}, {@link #officerAnswered}, {@link #officerMissed}, {@link
 *       #ended}.
 * </ol>
 *
 * A customer not reached is tried again {@code callback-spacing} later, at most {@code
 * callback-attempts} calls in all, then ended CALLBACK_FAILED; the officer was never rung, so it is
 * not their miss. A customer reached whose officer did not answer waits for the next officer (a
 * miss for the officer, as for a caller on hold), which is another attempt.
 */
public final class Callbacks {

  private final EscalationSettings settings;
  private final EscalationStore store;
  private final Clock clock;
  private final String nodeId;
  private final CallbackNumbers numbers;

  Callbacks(
      EscalationSettings settings,
      EscalationStore store,
      Clock clock,
      String nodeId,
      CallbackNumbers numbers) {
    this.settings = Objects.requireNonNull(settings, "Escalation settings are required.");
    this.store = Objects.requireNonNull(store, "Escalation store is required.");
    this.clock = Objects.requireNonNull(clock, "Clock is required.");
    this.nodeId = Objects.requireNonNull(nodeId, "Node id is required.");
    this.numbers = Objects.requireNonNull(numbers, "Callback numbers are required.");
  }

  /**
   * One round: expires old callbacks and claims those reserved an officer; the calls this node must
   * place now, oldest first. A number that no longer opens (sealed under another key) ends its
   * attempt as not reached.
   */
  public List<CallbackCall> claim() {
    Instant now = clock.instant();
    store.expireCallbacks(now.minus(settings.callbackExpiry()), now);
    Instant deadline = now.plus(settings.callbackRingTime()).plus(settings.ringTimeout());
    List<CallbackCall> calls = new ArrayList<>();
    for (Offer offer : store.unclaimedCallbacks()) {
      Optional<CallbackClaim> claimed = store.claimCallback(offer.id(), nodeId, now, deadline);
      if (claimed.isEmpty()) {
        continue;
      }
      CallbackClaim claim = claimed.get();
      String number;
      try {
        number = numbers.open(claim.number().sealed());
      } catch (IllegalArgumentException sealedElsewhere) {
        notReached(claim, "NUMBER_UNREADABLE");
        continue;
      }
      calls.add(
          new CallbackCall(
              claim,
              settings.officer(offer.officerId()).endpoint(),
              number,
              settings.callbackRingTime(),
              settings.ringTimeout()));
    }
    return calls;
  }

  /**
   * The customer did not answer, was busy or could not be reached ({@code cause}, FreeSWITCH's
   * hang-up cause): the officer is free again, and the callback waits for its next attempt, or ends
   * CALLBACK_FAILED after the last.
   */
  public void notReached(CallbackCall call, String cause) {
    notReached(call.claim(), cause);
  }

  private void notReached(CallbackClaim claim, String cause) {
    Instant now = clock.instant();
    Instant retryAt =
        claim.attemptNo() >= settings.callbackAttempts()
            ? null
            : now.plus(settings.callbackSpacing());
    store.callbackNotReached(claim, cause, retryAt, now);
  }

  /** The customer answered and the officer too: they are talking (FreeSWITCH's CHANNEL_BRIDGE). */
  public void officerAnswered(CallbackCall call) {
    store.endOffer(
        call.claim().offer().id(),
        OfferResult.ANSWERED,
        settings.missesBeforeAway(),
        clock.instant());
  }

  /**
   * The customer answered but the officer's phone did not ({@code result}: NO_ANSWER, REFUSED or
   * FAILED, as for a caller on hold): the callback waits for the next officer.
   */
  public void officerMissed(CallbackCall call, OfferResult result) {
    if (result == OfferResult.ANSWERED || result == OfferResult.NOT_REACHED) {
      throw new IllegalArgumentException("Not an officer's miss: " + result);
    }
    Instant now = clock.instant();
    store.endOffer(call.claim().offer().id(), result, settings.missesBeforeAway(), now);
    store.callbackAttemptEnded(
        call.claim().entryId(), call.claim().attemptNo(), "OFFICER_" + result.name(), now);
  }

  /** The conversation is over: the callback is done and the officer goes to READY or WRAP_UP. */
  public void ended(CallbackCall call) {
    Instant now = clock.instant();
    store.callbackAttemptEnded(call.claim().entryId(), call.claim().attemptNo(), "ANSWERED", now);
    store.endEntry(
        call.claim().entryId(),
        EntryEnd.CALLBACK_COMPLETED,
        settings.wrapUpAfterCall() ? OfficerStatus.WRAP_UP : OfficerStatus.READY,
        now);
  }

  /** How often the dialler should look for callbacks to place: the queues' poll interval. */
  public java.time.Duration interval() {
    return settings.pollInterval();
  }
}
