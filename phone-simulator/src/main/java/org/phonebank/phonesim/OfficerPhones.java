// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The officers' phones the simulated FreeSWITCH rings, by dial string: each endpoint does the next
 * of its scripted behaviours at each ring, the last one again once the script runs out; an endpoint
 * without a script does {@link OfficerPhone#DEFAULT}. Shared by every call of a generator, so safe
 * for several threads.
 *
 * <p>On the command line: {@code --officer "user/1001=ignore,answer:2:5"} (the first ring goes
 * unanswered, the second is answered after 2 s and the officer hangs up after 5 s).
 */
public final class OfficerPhones {

  private final Map<String, Deque<OfficerPhone>> scripts = new HashMap<>();

  /**
   * The officers' legs up now, by UUID, with what hangs each up: FreeSWITCH's one table of sessions
   * ({@code switch_core_session_locate}), shared by the outbound sessions that bridge to officers
   * and the inbound Event Socket that may {@code uuid_kill} them.
   */
  private final Map<String, Consumer<String>> legs = new ConcurrentHashMap<>();

  /** Every officer's phone answers after 5 s and the officer talks 8 s. */
  public static OfficerPhones answeringAll() {
    return new OfficerPhones();
  }

  /** {@code endpoint} does {@code behaviours} at its next rings, in order. */
  public synchronized OfficerPhones script(String endpoint, List<OfficerPhone> behaviours) {
    Objects.requireNonNull(endpoint, "Endpoint is required.");
    if (behaviours.isEmpty()) {
      throw new IllegalArgumentException("An officer's phone needs at least one behaviour.");
    }
    scripts.computeIfAbsent(endpoint, e -> new ArrayDeque<>()).addAll(behaviours);
    return this;
  }

  /** {@code endpoint} does {@code behaviours} at its next rings, in order. */
  public OfficerPhones script(String endpoint, OfficerPhone... behaviours) {
    return script(endpoint, List.of(behaviours));
  }

  /**
   * One {@code --officer} value: {@code <dial string>=<behaviour>[,<behaviour>...]}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public OfficerPhones parse(String option) {
    int equals = option.indexOf('=');
    if (equals < 1) {
      throw new IllegalArgumentException(
          "--officer is <dial string>=<behaviour>[,...], e.g. user/1001=ignore,answer:2:5; got \""
              + option
              + "\".");
    }
    List<OfficerPhone> behaviours =
        java.util.Arrays.stream(option.substring(equals + 1).split(","))
            .map(OfficerPhone::parse)
            .toList();
    return script(option.substring(0, equals), behaviours);
  }

  /** An officer's leg {@code uuid} is up; {@code hangUp} ends it with a cause name. */
  void legUp(String uuid, Consumer<String> hangUp) {
    legs.put(uuid, hangUp);
  }

  /** The leg {@code uuid} is gone. */
  void legGone(String uuid) {
    legs.remove(uuid);
  }

  /**
   * Hangs up the leg {@code uuid} with {@code cause}, as {@code switch_ivr_kill_uuid} does; false
   * when no such leg is up ({@code -ERR No such channel!}).
   */
  boolean kill(String uuid, String cause) {
    Consumer<String> hangUp = legs.remove(uuid);
    if (hangUp == null) {
      return false;
    }
    hangUp.accept(cause);
    return true;
  }

  /** What {@code endpoint} does at this ring. */
  synchronized OfficerPhone ring(String endpoint) {
    Deque<OfficerPhone> script = scripts.get(endpoint);
    if (script == null) {
      return OfficerPhone.DEFAULT;
    }
    return script.size() > 1 ? script.pollFirst() : script.peekFirst();
  }
}
