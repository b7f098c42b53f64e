// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting of the reconciliation module with its default.
 *
 * @param localZone {@code phonebank.reconciliation.local-zone}: the zone of the local date (field
 *     13) the switch reports, used to date our journal entries for matching (default Asia/Tehran)
 */
public record ReconciliationSettings(ZoneId localZone) {

  public static final String LOCAL_ZONE = "phonebank.reconciliation.local-zone";

  public ReconciliationSettings {
    Objects.requireNonNull(localZone, "Local zone is required.");
  }

  public static ReconciliationSettings defaults() {
    return from(key -> Optional.empty());
  }

  /** Reads every key through {@code lookup} (in Payara: MicroProfile Config's getOptionalValue). */
  public static ReconciliationSettings from(Function<String, Optional<String>> lookup) {
    String zone =
        lookup.apply(LOCAL_ZONE).map(String::trim).filter(v -> !v.isEmpty()).orElse("Asia/Tehran");
    try {
      return new ReconciliationSettings(ZoneId.of(zone));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "Setting " + LOCAL_ZONE + " is not a time zone: '" + zone + "'.", e);
    }
  }
}
