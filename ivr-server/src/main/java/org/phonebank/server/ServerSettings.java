// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.phonebank.settings.SettingsReader;

/**
 * The server's own settings (state folder, call threads, switch credentials, database), each read
 * here with its default; the Event Socket, switch link, journal and IVR modules read theirs in
 * their own settings records from the same source. In Payara the values come from MicroProfile
 * Config, so each key can be overridden by a system property or by an environment variable ({@code
 * phonebank.db.url} as {@code PHONEBANK_DB_URL}). Secrets (database password) belong in Payara's
 * password aliases, never in a properties file in git. {@code phonebank.health.saf-stuck-seconds}
 * (300) is how long a reversal may wait in store-and-forward before readiness goes down; {@code
 * phonebank.recovery.sweep-interval-seconds} (30) how often the journal sweeper settles money
 * movements a failed write left half-done (docs/money-movement.md).
 */
public record ServerSettings(
    Path stateDirectory,
    int maxConcurrentCalls,
    Path switchCredentials,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    String databaseJndiName,
    Duration safStuckAfter,
    Duration sweepInterval) {

  public static final String STATE_DIR = "phonebank.state.dir";

  /** Reads every key through {@code lookup} (in Payara: MicroProfile Config's getOptionalValue). */
  public static ServerSettings from(Function<String, Optional<String>> lookup) {
    SettingsReader keys = new SettingsReader(lookup);
    Path state = Path.of(keys.text(STATE_DIR, System.getProperty("user.home") + "/.phonebank"));
    return new ServerSettings(
        state,
        keys.number("phonebank.calls.max-concurrent", 1000),
        Path.of(keys.text("phonebank.switch.credentials-dir", state.resolve("keys").toString())),
        keys.text(
            "phonebank.db.url",
            "jdbc:derby:" + state.resolve("derby").resolve("phonebank") + ";create=true"),
        keys.text("phonebank.db.user", ""),
        keys.text("phonebank.db.password", ""),
        keys.text("phonebank.db.jndi-name", ""),
        keys.seconds("phonebank.health.saf-stuck-seconds", Duration.ofMinutes(5)),
        keys.seconds("phonebank.recovery.sweep-interval-seconds", Duration.ofSeconds(30)));
  }

  @Override
  public String toString() {
    // The database password must not reach server.log with the rest of the settings.
    return "ServerSettings[state="
        + stateDirectory
        + ", max calls="
        + maxConcurrentCalls
        + ", switch credentials="
        + switchCredentials
        + ", db="
        + (databaseJndiName.isEmpty() ? redacted(databaseUrl) : databaseJndiName)
        + "]";
  }

  /**
   * A database URL fit for a log: without user information ({@code //user:pw@host}) and without its
   * attributes ({@code ?password=...} for PostgreSQL, {@code ;password=...} for Derby), either of
   * which may hold a password.
   */
  static String redacted(String url) {
    String shown = url.replaceFirst("//[^/@?;]*@", "//");
    int attributes = indexOfAny(shown, '?', ';');
    return attributes < 0 ? shown : shown.substring(0, attributes + 1) + "...";
  }

  private static int indexOfAny(String text, char a, char b) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == a || text.charAt(i) == b) {
        return i;
      }
    }
    return -1;
  }
}
