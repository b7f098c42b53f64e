// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement;

import java.time.ZoneId;
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
 */
public record ReconciliationSettings(ZoneId localZone) {

  public ReconciliationSettings {
    Objects.requireNonNull(localZone, "Local zone is required.");
  }

  public static ReconciliationSettings defaults() {
    return from(key -> Optional.empty());
  }

  /** Reads every key through {@code lookup} (in Payara: MicroProfile Config's getOptionalValue). */
  public static ReconciliationSettings from(Function<String, Optional<String>> lookup) {
    return new ReconciliationSettings(new SettingsReader(lookup).bankZone());
  }
}
