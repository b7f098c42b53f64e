// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.phonebank.settings.SettingsReader;

/**
 * Officers, queues and the routing tunables, keyed {@code phonebank.escalation.*} (MicroProfile
 * Config; a key not set there is looked up in the properties file named by {@code
 * phonebank.escalation.file}, if any). Checked as a whole at start: a queue naming an unknown
 * skill, an officer with an unknown language or a reason routed to no queue stops the deploy with a
 * clear message. The keys are listed in docs/escalation.md; in short:
 *
 * <pre>
 * phonebank.escalation.skills=cards,transfers,bills,fraud,general
 * phonebank.escalation.languages=fa,en
 * phonebank.escalation.officers=1001,1002
 * phonebank.escalation.officer.1001.skills=general:3,cards:5
 * phonebank.escalation.officer.1001.languages=fa,en
 * phonebank.escalation.officer.1001.endpoint=user/1001
 * phonebank.escalation.officer.1001.supervisor=false
 * phonebank.escalation.queues=general,cards,fraud
 * phonebank.escalation.queue.cards.priority=0
 * phonebank.escalation.queue.cards.tiers=general:1@0,cards:4@45
 * phonebank.escalation.queue.cards.supervisors-after-seconds=300
 * phonebank.escalation.route.card-stolen=fraud
 * </pre>
 *
 * @param ringTimeout how long an officer's phone rings before the caller is offered to the next
 *     officer ({@code ring-timeout-seconds}, 15)
 * @param missesBeforeAway offers an officer may leave unanswered in a row before being set away
 *     ({@code misses-before-away}, 3)
 * @param announceInterval how often a waiting caller hears position and estimated wait ({@code
 *     announce-interval-seconds}, 30)
 * @param defaultHandlingTime handling time assumed for the estimate before any call was handled
 *     ({@code default-handling-seconds}, 180)
 * @param serviceLevel answered within this counts as within service level ({@code
 *     service-level-seconds}, 20)
 * @param callbackAttempts calls placed for one callback before giving up ({@code
 *     callback-attempts}, 3)
 * @param callbackSpacing wait between two callback attempts ({@code callback-spacing-seconds}, 120)
 * @param callbackRingTime how long the customer's phone rings on a callback before the attempt
 *     counts as not reached ({@code callback-ring-seconds}, 30)
 * @param callbackExpiry how long after the request a callback not yet made is given up ({@code
 *     callback-expiry-seconds}, 14400: four hours)
 * @param pollInterval how long a waiting caller's hold lasts between two looks at the queue, so an
 *     officer who becomes free rings within about this ({@code poll-interval-seconds}, 5)
 * @param wrapUpAfterCall whether an officer whose call ends goes to WRAP_UP (and is offered no call
 *     until they say READY, e.g. after entering a wrap-up code in the console) rather than straight
 *     back to READY ({@code wrap-up-after-call}, false: officers without a console would otherwise
 *     never be offered a call again)
 * @param heartbeatInterval how often each node writes its heartbeat and looks for nodes gone silent
 *     ({@code heartbeat-interval-seconds}, 10)
 * @param nodeDeadAfter a node silent for longer than this is dead: its callers are ended by the
 *     system, the officers it rang freed, its callback calls handed back to the queue ({@code
 *     node-dead-after-seconds}, 60; at least twice the heartbeat interval, so one late beat is not
 *     a death)
 * @param handlingRefresh how long a node reuses a queue's recent handling times, read for the
 *     estimated wait, before reading them again ({@code handling-refresh-seconds}, 30: an estimate
 *     in whole minutes of calls lasting minutes does not need them fresher)
 */
public record EscalationSettings(
    Set<Skill> skills,
    Set<String> languages,
    List<OfficerProfile> officers,
    List<QueueDefinition> queues,
    Map<EscalationReason, String> routes,
    Duration ringTimeout,
    int missesBeforeAway,
    Duration announceInterval,
    Duration defaultHandlingTime,
    Duration serviceLevel,
    int callbackAttempts,
    Duration callbackSpacing,
    Duration callbackRingTime,
    Duration callbackExpiry,
    Duration pollInterval,
    boolean wrapUpAfterCall,
    Duration heartbeatInterval,
    Duration nodeDeadAfter,
    Duration handlingRefresh) {

  static final String PREFIX = "phonebank.escalation.";

  private static final Pattern TIER = Pattern.compile("([a-z][a-z0-9-]*):([0-9]+)@([0-9]+)");
  private static final Pattern SKILL_LEVEL = Pattern.compile("([a-z][a-z0-9-]*):([0-9]+)");

  public EscalationSettings {
    // Kept in the order configured, so messages list them as written.
    skills = Collections.unmodifiableSet(new LinkedHashSet<>(skills));
    languages = Collections.unmodifiableSet(new LinkedHashSet<>(languages));
    officers = List.copyOf(officers);
    queues = List.copyOf(queues);
    routes = Map.copyOf(routes);
    Set<String> ids = new LinkedHashSet<>();
    for (OfficerProfile officer : officers) {
      if (!ids.add(officer.id())) {
        throw new IllegalArgumentException("Officer " + officer.id() + " is listed twice.");
      }
      for (Skill skill : officer.skills().keySet()) {
        requireKnown(skills, skill, "Officer " + officer.id());
      }
      for (String language : officer.languages()) {
        if (!languages.contains(language)) {
          throw new IllegalArgumentException(
              "Officer " + officer.id() + " speaks '" + language + "', not one of " + languages);
        }
      }
    }
    Set<String> names = new LinkedHashSet<>();
    for (QueueDefinition queue : queues) {
      if (!names.add(queue.name())) {
        throw new IllegalArgumentException("Queue " + queue.name() + " is listed twice.");
      }
      for (Tier tier : queue.tiers()) {
        requireKnown(skills, tier.skill(), "Queue " + queue.name());
      }
    }
    for (EscalationReason reason : EscalationReason.values()) {
      String queue = routes.get(reason);
      if (queue == null || !names.contains(queue)) {
        throw new IllegalArgumentException(
            "Escalation reason "
                + reason.key()
                + " must be routed to one of the queues "
                + names
                + " ("
                + PREFIX
                + "route."
                + reason.key()
                + "), was "
                + queue);
      }
    }
    positive(ringTimeout, "Ring timeout");
    positive(announceInterval, "Announce interval");
    positive(defaultHandlingTime, "Default handling time");
    positive(serviceLevel, "Service level");
    positive(callbackSpacing, "Callback spacing");
    positive(callbackRingTime, "Callback ring time");
    positive(callbackExpiry, "Callback expiry");
    positive(pollInterval, "Poll interval");
    positive(heartbeatInterval, "Heartbeat interval (" + PREFIX + "heartbeat-interval-seconds)");
    positive(nodeDeadAfter, "Node dead after (" + PREFIX + "node-dead-after-seconds)");
    positive(handlingRefresh, "Handling times refresh (" + PREFIX + "handling-refresh-seconds)");
    if (nodeDeadAfter.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException(
          "Setting "
              + PREFIX
              + "node-dead-after-seconds ("
              + nodeDeadAfter.toSeconds()
              + ") must be at least twice "
              + PREFIX
              + "heartbeat-interval-seconds ("
              + heartbeatInterval.toSeconds()
              + "): a node whose one beat is late is not dead.");
    }
    if (missesBeforeAway < 1) {
      throw new IllegalArgumentException("Misses before away must be at least 1.");
    }
    if (callbackAttempts < 1) {
      throw new IllegalArgumentException("Callback attempts must be at least 1.");
    }
  }

  public QueueDefinition queue(String name) {
    return queues.stream()
        .filter(queue -> queue.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No queue named " + name));
  }

  public QueueDefinition queueFor(EscalationReason reason) {
    return queue(routes.get(reason));
  }

  /** The configured officer, or an error naming the id for one that does not exist. */
  public OfficerProfile officer(String id) {
    return officers.stream()
        .filter(officer -> officer.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No officer with id '" + id + "'."));
  }

  public static EscalationSettings defaults() {
    return from(key -> Optional.empty());
  }

  /**
   * Reads every key through {@code lookup} (in Payara: MicroProfile Config's getOptionalValue),
   * falling back to the file named by {@code phonebank.escalation.file}.
   */
  public static EscalationSettings from(Function<String, Optional<String>> lookup) {
    Keys keys = new Keys(new SettingsReader(withFile(lookup)));
    Set<Skill> skills = new LinkedHashSet<>();
    for (String name : keys.list("skills", "cards,transfers,bills,fraud,general")) {
      skills.add(new Skill(name));
    }
    Set<String> languages = new LinkedHashSet<>(keys.list("languages", "fa,en"));
    List<OfficerProfile> officers = new ArrayList<>();
    for (String id : keys.list("officers", "")) {
      String at = "officer." + id + ".";
      officers.add(
          new OfficerProfile(
              id,
              skillLevels(keys, at + "skills"),
              new LinkedHashSet<>(keys.list(at + "languages", String.join(",", languages))),
              keys.text(at + "endpoint", "user/" + id),
              keys.flag(at + "supervisor", false)));
    }
    List<QueueDefinition> queues = new ArrayList<>();
    for (String name : keys.list("queues", "general,cards,transfers,bills,fraud")) {
      queues.add(queue(keys, name));
    }
    Map<EscalationReason, String> routes = new EnumMap<>(EscalationReason.class);
    for (EscalationReason reason : EscalationReason.values()) {
      routes.put(reason, keys.text("route." + reason.key(), defaultRoute(reason)));
    }
    return new EscalationSettings(
        skills,
        languages,
        officers,
        queues,
        routes,
        keys.seconds("ring-timeout-seconds", 15),
        keys.number("misses-before-away", 3),
        keys.seconds("announce-interval-seconds", 30),
        keys.seconds("default-handling-seconds", 180),
        keys.seconds("service-level-seconds", 20),
        keys.number("callback-attempts", 3),
        keys.seconds("callback-spacing-seconds", 120),
        keys.seconds("callback-ring-seconds", 30),
        keys.seconds("callback-expiry-seconds", 14400),
        keys.seconds("poll-interval-seconds", 5),
        keys.flag("wrap-up-after-call", false),
        keys.seconds("heartbeat-interval-seconds", 10),
        keys.seconds("node-dead-after-seconds", 60),
        keys.seconds("handling-refresh-seconds", 30));
  }

  private static QueueDefinition queue(Keys keys, String name) {
    String at = "queue." + name + ".";
    List<Tier> tiers = new ArrayList<>();
    for (String tier : keys.list(at + "tiers", defaultTiers(name))) {
      Matcher m = TIER.matcher(tier);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "Setting "
                + PREFIX
                + at
                + "tiers: '"
                + tier
                + "' is not skill:proficiency@seconds (e.g. cards:3@60).");
      }
      tiers.add(
          new Tier(
              new Skill(m.group(1)),
              Integer.parseInt(m.group(2)),
              Duration.ofSeconds(Long.parseLong(m.group(3)))));
    }
    long supervisors =
        keys.number(at + "supervisors-after-seconds", name.equals("fraud") ? 90 : 300);
    return new QueueDefinition(
        name,
        keys.number(at + "priority", name.equals("fraud") ? 9 : 0),
        tiers,
        supervisors < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(supervisors)));
  }

  private static Map<Skill, Integer> skillLevels(Keys keys, String key) {
    Map<Skill, Integer> levels = new LinkedHashMap<>();
    for (String item : keys.list(key, "general:1")) {
      Matcher m = SKILL_LEVEL.matcher(item);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "Setting "
                + PREFIX
                + key
                + ": '"
                + item
                + "' is not skill:proficiency (e.g. cards:4).");
      }
      levels.put(new Skill(m.group(1)), Integer.parseInt(m.group(2)));
    }
    return levels;
  }

  /** Specialists first, then anyone with the skill, then the general operators. */
  private static String defaultTiers(String queue) {
    switch (queue) {
      case "general":
        return "general:1@0";
      case "fraud":
        return "fraud:3@0,fraud:1@30,cards:3@60";
      default:
        return queue + ":3@0," + queue + ":1@60,general:1@120";
    }
  }

  private static String defaultRoute(EscalationReason reason) {
    switch (reason) {
      case CARD_STOLEN:
        return "fraud";
      case LOCKED_OUT:
        return "cards";
      case MONEY_MOVEMENT_FAILED:
        return "transfers";
      default:
        return "general";
    }
  }

  private static void requireKnown(Set<Skill> skills, Skill skill, String who) {
    if (!skills.contains(skill)) {
      throw new IllegalArgumentException(
          who + " names the unknown skill '" + skill + "'; the skills are " + skills);
    }
  }

  private static void positive(Duration duration, String what) {
    Objects.requireNonNull(duration, what + " is required.");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " must be positive.");
    }
  }

  private static Function<String, Optional<String>> withFile(
      Function<String, Optional<String>> lookup) {
    Optional<String> file =
        lookup.apply(PREFIX + "file").map(String::trim).filter(v -> !v.isEmpty());
    if (file.isEmpty()) {
      return lookup;
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(file.get()), StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Setting " + PREFIX + "file: cannot read " + file.get() + ": " + e.getMessage(), e);
    }
    return key -> lookup.apply(key).or(() -> Optional.ofNullable(properties.getProperty(key)));
  }

  /** The shared {@link SettingsReader} under this module's prefix, plus comma-separated lists. */
  private record Keys(SettingsReader reader) {

    String text(String key, String defaultValue) {
      return reader.text(PREFIX + key, defaultValue);
    }

    List<String> list(String key, String defaultValue) {
      List<String> items = new ArrayList<>();
      for (String item : text(key, defaultValue).split(",")) {
        if (!item.isBlank()) {
          items.add(item.strip());
        }
      }
      return items;
    }

    boolean flag(String key, boolean defaultValue) {
      return reader.flag(PREFIX + key, defaultValue);
    }

    int number(String key, int defaultValue) {
      return reader.number(PREFIX + key, defaultValue);
    }

    Duration seconds(String key, int defaultValue) {
      return reader.seconds(PREFIX + key, Duration.ofSeconds(defaultValue));
    }
  }
}
