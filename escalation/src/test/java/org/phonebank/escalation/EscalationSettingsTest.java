// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscalationSettingsTest {

  private static String errorFor(Map<String, String> changes) {
    Map<String, String> keys = new HashMap<>(SampleEscalations.config());
    keys.putAll(changes);
    return assertThrows(IllegalArgumentException.class, () -> SampleEscalations.settings(keys))
        .getMessage();
  }

  @Test
  void theDefaultsHaveFiveQueuesAndRouteEveryReasonWithFraudAheadOfEveryone() {
    EscalationSettings settings = EscalationSettings.defaults();

    assertEquals(
        List.of("general", "cards", "transfers", "bills", "fraud"),
        settings.queues().stream().map(QueueDefinition::name).toList());
    assertEquals(9, settings.queueFor(EscalationReason.CARD_STOLEN).priority());
    assertEquals(0, settings.queueFor(EscalationReason.ASKED).priority());
    assertEquals(Duration.ofSeconds(15), settings.ringTimeout());
    assertEquals(List.of(), settings.officers());
  }

  @Test
  void nodesBeatEveryTenSecondsAndAreDeadAfterAMinuteUnlessConfigured() {
    EscalationSettings defaults = EscalationSettings.defaults();
    assertEquals(Duration.ofSeconds(10), defaults.heartbeatInterval());
    assertEquals(Duration.ofSeconds(60), defaults.nodeDeadAfter());

    EscalationSettings set =
        SampleEscalations.settings(
            SampleEscalations.config("phonebank.escalation.heartbeat-interval-seconds", "5"));
    assertEquals(Duration.ofSeconds(5), set.heartbeatInterval());
  }

  @Test
  void aNodeDeadAfterLessThanTwoBeatsOrABadHeartbeatIsRefusedNamingTheKey() {
    String tooSoon =
        errorFor(
            Map.of(
                "phonebank.escalation.heartbeat-interval-seconds", "10",
                "phonebank.escalation.node-dead-after-seconds", "15"));
    assertTrue(tooSoon.contains("phonebank.escalation.node-dead-after-seconds (15)"), tooSoon);
    assertTrue(tooSoon.contains("twice"), tooSoon);

    String zero = errorFor(Map.of("phonebank.escalation.heartbeat-interval-seconds", "0"));
    assertTrue(zero.contains("phonebank.escalation.heartbeat-interval-seconds"), zero);
    String notANumber = errorFor(Map.of("phonebank.escalation.node-dead-after-seconds", "1m"));
    assertEquals(
        "Setting phonebank.escalation.node-dead-after-seconds must be a whole number, was '1m'.",
        notANumber);
  }

  @Test
  void officersSkillsLanguagesAndTwoTierQueuesAreRead() {
    EscalationSettings settings =
        SampleEscalations.settings(
            Map.of(
                "phonebank.escalation.officers", "1001",
                "phonebank.escalation.officer.1001.skills", "general:3, cards:5",
                "phonebank.escalation.officer.1001.languages", "fa",
                "phonebank.escalation.officer.1001.endpoint", "user/1001@bank",
                "phonebank.escalation.queue.cards.tiers", "general:1@0,cards:4@45"));

    OfficerProfile officer = settings.officer("1001");
    assertEquals(5, officer.proficiency(new Skill("cards")));
    assertEquals(0, officer.proficiency(new Skill("fraud")));
    assertTrue(officer.speaks("fa"));
    assertEquals("user/1001@bank", officer.endpoint());
    assertEquals(
        List.of(
            new Tier(new Skill("general"), 1, Duration.ZERO),
            new Tier(new Skill("cards"), 4, Duration.ofSeconds(45))),
        settings.queue("cards").tiers());
  }

  @Test
  void aQueueNamingAnUnknownSkillStopsTheStart() {
    assertEquals(
        "Queue cards names the unknown skill 'loans'; the skills are"
            + " [cards, transfers, bills, fraud, general]",
        errorFor(Map.of("phonebank.escalation.queue.cards.tiers", "loans:1@0")));
  }

  @Test
  void anOfficerWithAnUnknownSkillOrLanguageOrProficiencyStopsTheStart() {
    assertTrue(
        errorFor(Map.of("phonebank.escalation.officer.a1.skills", "loans:2"))
            .startsWith("Officer a1 names the unknown skill 'loans'"));
    assertTrue(
        errorFor(Map.of("phonebank.escalation.officer.a1.languages", "de"))
            .startsWith("Officer a1 speaks 'de'"));
    assertEquals(
        "Officer a1: proficiency in general must be 1 to 5, was 7",
        errorFor(Map.of("phonebank.escalation.officer.a1.skills", "general:7")));
  }

  @Test
  void aTierWrittenWronglyIsNamedWithItsKey() {
    assertEquals(
        "Setting phonebank.escalation.queue.general.tiers: 'general@0' is not"
            + " skill:proficiency@seconds (e.g. cards:3@60).",
        errorFor(Map.of("phonebank.escalation.queue.general.tiers", "general@0")));
    assertEquals(
        "Queue general: the first tier starts at 0 seconds.",
        errorFor(Map.of("phonebank.escalation.queue.general.tiers", "general:1@10")));
  }

  @Test
  void aReasonRoutedToNoQueueStopsTheStart() {
    assertTrue(
        errorFor(Map.of("phonebank.escalation.route.card-stolen", "theft"))
            .startsWith("Escalation reason card-stolen must be routed to one of the queues"));
  }

  @Test
  void anOfficerListedTwiceOrAMalformedEndpointStopsTheStart() {
    assertEquals(
        "Officer a1 is listed twice.", errorFor(Map.of("phonebank.escalation.officers", "a1,a1")));
    assertEquals(
        "Officer a1: endpoint must be one dial string without spaces, ',' or '|'.",
        errorFor(Map.of("phonebank.escalation.officer.a1.endpoint", "user/1001,user/1002")));
  }

  @Test
  void keysNotSetInConfigComeFromTheNamedFile(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("escalation.properties");
    Files.writeString(
        file,
        "phonebank.escalation.officers=1001\n"
            + "phonebank.escalation.officer.1001.skills=fraud:4\n"
            + "phonebank.escalation.ring-timeout-seconds=20\n");
    Map<String, String> config =
        Map.of(
            "phonebank.escalation.file",
            file.toString(),
            "phonebank.escalation.ring-timeout-seconds",
            "12");

    EscalationSettings settings =
        EscalationSettings.from(key -> Optional.ofNullable(config.get(key)));

    assertEquals(4, settings.officer("1001").proficiency(new Skill("fraud")));
    assertEquals(Duration.ofSeconds(12), settings.ringTimeout(), "Config wins over the file");
  }

  @Test
  void aFileThatCannotBeReadIsNamed(@TempDir Path folder) {
    Path missing = folder.resolve("none.properties");
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                EscalationSettings.from(
                    key ->
                        key.equals("phonebank.escalation.file")
                            ? Optional.of(missing.toString())
                            : Optional.empty()));
    assertTrue(error.getMessage().startsWith("Setting phonebank.escalation.file: cannot read"));
  }
}
