// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting of the running phone bank, read in this one place with its default. In Payara the values come
 * from MicroProfile Config, so each key can be overridden by a system property or by an environment variable
 * ({@code phonebank.esl.port} as {@code PHONEBANK_ESL_PORT}). Secrets (database password) belong in Payara's
 * password aliases, never in a properties file in git.
 */
public record ServerSettings(
    Path stateDirectory,
    String eslHost,
    int eslPort,
    String promptDirectory,
    Duration eslCommandTimeout,
    int maxConcurrentCalls,
    String switchHost,
    int switchPort,
    Duration switchResponseTimeout,
    Duration switchConnectTimeout,
    Duration switchReconnectDelay,
    String terminalId,
    String acquirerId,
    String cardAcceptorId,
    Path switchCredentials,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    String databaseJndiName) {

  public static final String STATE_DIR = "phonebank.state.dir";

  /** Reads every key through {@code lookup} (in Payara: MicroProfile Config's getOptionalValue). */
  public static ServerSettings from(Function<String, Optional<String>> lookup) {
    Keys keys = new Keys(lookup);
    Path state = Path.of(keys.text(STATE_DIR, System.getProperty("user.home") + "/.phonebank"));
    return new ServerSettings(
        state,
        keys.text("phonebank.esl.host", "127.0.0.1"),
        keys.number("phonebank.esl.port", 8084),
        keys.text("phonebank.esl.prompt-dir", state.resolve("prompts").toString()),
        Duration.ofSeconds(keys.number("phonebank.esl.command-timeout-seconds", 120)),
        keys.number("phonebank.calls.max-concurrent", 1000),
        keys.text("phonebank.switch.host", "127.0.0.1"),
        keys.number("phonebank.switch.port", 9443),
        Duration.ofMillis(keys.number("phonebank.switch.response-timeout-ms", 10_000)),
        Duration.ofMillis(keys.number("phonebank.switch.connect-timeout-ms", 3_000)),
        Duration.ofMillis(keys.number("phonebank.switch.reconnect-delay-ms", 2_000)),
        keys.text("phonebank.switch.terminal-id", "IVR00001"),
        keys.text("phonebank.switch.acquirer-id", "627353"),
        keys.text("phonebank.switch.card-acceptor-id", "PHONEBANKIVR001"),
        Path.of(keys.text("phonebank.switch.credentials-dir", state.resolve("keys").toString())),
        keys.text(
            "phonebank.db.url",
            "jdbc:derby:" + state.resolve("derby").resolve("phonebank") + ";create=true"),
        keys.text("phonebank.db.user", ""),
        keys.text("phonebank.db.password", ""),
        keys.text("phonebank.db.jndi-name", ""));
  }

  @Override
  public String toString() {
    // The database password must not reach server.log with the rest of the settings.
    return "ServerSettings[state=" + stateDirectory + ", esl=" + eslHost + ":" + eslPort
        + ", switch=" + switchHost + ":" + switchPort + ", terminal=" + terminalId
        + ", db=" + (databaseJndiName.isEmpty() ? databaseUrl : databaseJndiName) + "]";
  }

  private record Keys(Function<String, Optional<String>> lookup) {

    String text(String key, String defaultValue) {
      return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(defaultValue);
    }

    int number(String key, int defaultValue) {
      String value = text(key, Integer.toString(defaultValue));
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Setting " + key + " must be a whole number, was '" + value + "'.");
      }
    }
  }
}
