// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sample officers, queues and callers for the routing tests. */
public final class SampleEscalations {

  private SampleEscalations() {}

  /**
   * Officers: a1 and a2 general operators (fa, en); c5 a cards expert (fa); c2 a cards learner
   * (fa); f4 fraud (fa, en); s1 a supervisor with no skill at cards (fa, en). Ring timeout 15 s,
   * away after 3 misses.
   */
  public static Map<String, String> config() {
    Map<String, String> keys = new HashMap<>();
    keys.put("phonebank.escalation.officers", "a1,a2,c5,c2,f4,s1");
    keys.put("phonebank.escalation.officer.a1.skills", "general:2");
    keys.put("phonebank.escalation.officer.a2.skills", "general:3");
    keys.put("phonebank.escalation.officer.c5.skills", "cards:5");
    keys.put("phonebank.escalation.officer.c5.languages", "fa");
    keys.put("phonebank.escalation.officer.c2.skills", "cards:2");
    keys.put("phonebank.escalation.officer.c2.languages", "fa");
    keys.put("phonebank.escalation.officer.f4.skills", "fraud:4");
    keys.put("phonebank.escalation.officer.s1.skills", "general:1");
    keys.put("phonebank.escalation.officer.s1.supervisor", "true");
    keys.put("phonebank.escalation.queue.cards.tiers", "cards:4@0,cards:1@60");
    keys.put("phonebank.escalation.queue.cards.supervisors-after-seconds", "180");
    keys.put("phonebank.escalation.ring-timeout-seconds", "15");
    keys.put("phonebank.escalation.misses-before-away", "3");
    return keys;
  }

  /** The sample configuration with one key added or changed. */
  public static Map<String, String> config(String key, String value) {
    Map<String, String> keys = config();
    keys.put(key, value);
    return keys;
  }

  public static EscalationSettings settings() {
    return settings(config());
  }

  public static EscalationSettings settings(Map<String, String> keys) {
    return EscalationSettings.from(key -> Optional.ofNullable(keys.get(key)));
  }

  public static Escalation caller(String callId, String language, EscalationReason reason) {
    return new Escalation(
        callId,
        language,
        Optional.of("603799******7893"),
        true,
        List.of("main-menu", "officer"),
        reason,
        reason.key(),
        List.of());
  }
}
