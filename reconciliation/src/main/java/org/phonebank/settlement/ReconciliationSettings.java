// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.phonebank.settings.SettingsReader;

/**
 * Every setting of the reconciliation module with its default.
 *
 * @param localZone the bank's zone, {@code phonebank.bank.zone} ({@link SettingsReader#BANK_ZONE}):
 *     the zone of the local date (field 13) the switch reports, used to date our journal entries
 *     for matching (default Asia/Tehran)
 * @param cutOver {@code phonebank.reconciliation.cut-over}: when the switch closes its business
 *     day, HH:mm in the bank's zone (default 23:00)
 * @param runDelay {@code phonebank.reconciliation.run-delay-minutes}: how long after the cut-over
 *     the nightly run starts, so the switch's file has arrived (default 120)
 * @param carryDays {@code phonebank.reconciliation.carry-days}: how many earlier business dates'
 *     journal entries may still be presented late and are matched as settled on another date
 *     (default 3)
 * @param chunkSize {@code phonebank.reconciliation.chunk-size}: match-key groups per chunk and
 *     checkpoint (default 500)
 * @param maxFileBytes {@code phonebank.reconciliation.max-file-bytes}: the largest settlement file
 *     accepted (default 256 MiB, about two million lines)
 * @param inboxPoll {@code phonebank.reconciliation.inbox-poll-seconds}: how often the inbox folder
 *     is looked at (default 10)
 * @param folder {@code phonebank.reconciliation.folder}: inbox, loaded, quarantine and reports, or
 *     null for {@code settlement/} in the state folder
 */
public record ReconciliationSettings(
    ZoneId localZone,
    LocalTime cutOver,
    Duration runDelay,
    int carryDays,
    int chunkSize,
    long maxFileBytes,
    Duration inboxPoll,
    Path folder) {

  private static final String PREFIX = "phonebank.reconciliation.";

  public ReconciliationSettings {
    Objects.requireNonNull(localZone, "Local zone is required.");
    Objects.requireNonNull(cutOver, "Cut-over is required.");
    Objects.requireNonNull(runDelay, "Run delay is required.");
    Objects.requireNonNull(inboxPoll, "Inbox poll interval is required.");
    if (runDelay.isNegative() || runDelay.compareTo(Duration.ofHours(23)) > 0) {
      throw new IllegalArgumentException("The run delay must be 0 to 23 hours.");
    }
    if (carryDays < 0 || chunkSize < 1 || maxFileBytes < 1 || inboxPoll.isZero()) {
      throw new IllegalArgumentException(
          "Carry days, chunk size, file size limit and inbox interval must be positive.");
    }
  }

  public static ReconciliationSettings defaults() {
    return from(key -> Optional.empty());
  }

  /** Reads every key through {@code lookup} (in Payara: MicroProfile Config's getOptionalValue). */
  public static ReconciliationSettings from(Function<String, Optional<String>> lookup) {
    SettingsReader keys = new SettingsReader(lookup);
    String cutOver = keys.text(PREFIX + "cut-over", "23:00");
    try {
      return new ReconciliationSettings(
          keys.bankZone(),
          LocalTime.parse(cutOver),
          Duration.ofMinutes(keys.wholeNumber(PREFIX + "run-delay-minutes", 120)),
          keys.number(PREFIX + "carry-days", 3),
          keys.number(PREFIX + "chunk-size", 500),
          keys.wholeNumber(PREFIX + "max-file-bytes", 256L * 1024 * 1024),
          Duration.ofSeconds(keys.wholeNumber(PREFIX + "inbox-poll-seconds", 10)),
          keys.given(PREFIX + "folder").map(Path::of).orElse(null));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Setting " + PREFIX + "cut-over is not a time HH:mm: '" + cutOver + "'.", e);
    }
  }
}
