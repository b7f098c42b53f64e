// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where the switch is and how this acquirer identifies itself to it. Keys (for the lead's MicroProfile wiring):
 * {@value #HOST}, {@value #PORT}, {@value #RESPONSE_TIMEOUT_MS}, {@value #CONNECT_TIMEOUT_MS},
 * {@value #RECONNECT_DELAY_MS}, {@value #TERMINAL_ID}, {@value #ACQUIRER_ID}, {@value #CARD_ACCEPTOR_ID}.
 */
public record SwitchSettings(
    String host,
    int port,
    Duration responseTimeout,
    Duration connectTimeout,
    Duration reconnectDelay,
    String terminalId,
    String acquirerId,
    String cardAcceptorId) {

  public static final String HOST = "phonebank.switch.host";
  public static final String PORT = "phonebank.switch.port";
  public static final String RESPONSE_TIMEOUT_MS = "phonebank.switch.response-timeout-ms";
  public static final String CONNECT_TIMEOUT_MS = "phonebank.switch.connect-timeout-ms";
  public static final String RECONNECT_DELAY_MS = "phonebank.switch.reconnect-delay-ms";
  public static final String TERMINAL_ID = "phonebank.switch.terminal-id";
  public static final String ACQUIRER_ID = "phonebank.switch.acquirer-id";
  public static final String CARD_ACCEPTOR_ID = "phonebank.switch.card-acceptor-id";

  private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]+");
  private static final Pattern ACQUIRER = Pattern.compile("[0-9]{1,11}");

  public SwitchSettings {
    Objects.requireNonNull(host, "Switch host is required.");
    if (host.isBlank()) {
      throw new IllegalArgumentException("Switch host must not be blank.");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("Switch port must be 1 to 65535, was " + port + ".");
    }
    requirePositive(responseTimeout, "Response timeout");
    requirePositive(connectTimeout, "Connect timeout");
    requirePositive(reconnectDelay, "Reconnect delay");
    requireFixed(terminalId, 8, "Terminal id (field 41)");
    requireFixed(cardAcceptorId, 15, "Card acceptor id (field 42)");
    Objects.requireNonNull(acquirerId, "Acquirer id is required.");
    if (!ACQUIRER.matcher(acquirerId).matches()) {
      throw new IllegalArgumentException("Acquirer id (field 32) must be 1 to 11 digits.");
    }
  }

  /** The defaults: a switch on this machine at port 9443, as the switch simulator listens. */
  public static SwitchSettings defaults() {
    return new SwitchSettings(
        "127.0.0.1",
        9443,
        Duration.ofSeconds(10),
        Duration.ofSeconds(3),
        Duration.ofSeconds(2),
        "IVR00001",
        "627353",
        "PHONEBANKIVR001");
  }

  /** Reads every key through {@code lookup} (in Payara: MicroProfile Config's getOptionalValue). */
  public static SwitchSettings from(Function<String, Optional<String>> lookup) {
    SwitchSettings d = defaults();
    return new SwitchSettings(
        text(lookup, HOST, d.host()),
        (int) number(lookup, PORT, d.port()),
        Duration.ofMillis(number(lookup, RESPONSE_TIMEOUT_MS, d.responseTimeout().toMillis())),
        Duration.ofMillis(number(lookup, CONNECT_TIMEOUT_MS, d.connectTimeout().toMillis())),
        Duration.ofMillis(number(lookup, RECONNECT_DELAY_MS, d.reconnectDelay().toMillis())),
        text(lookup, TERMINAL_ID, d.terminalId()),
        text(lookup, ACQUIRER_ID, d.acquirerId()),
        text(lookup, CARD_ACCEPTOR_ID, d.cardAcceptorId()));
  }

  private static String text(Function<String, Optional<String>> lookup, String key, String defaultValue) {
    return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(defaultValue);
  }

  private static long number(Function<String, Optional<String>> lookup, String key, long defaultValue) {
    String value = text(lookup, key, Long.toString(defaultValue));
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Setting " + key + " must be a whole number, was '" + value + "'.");
    }
  }

  public SwitchSettings withEndpoint(String newHost, int newPort) {
    return new SwitchSettings(
        newHost, newPort, responseTimeout, connectTimeout, reconnectDelay, terminalId, acquirerId, cardAcceptorId);
  }

  public SwitchSettings withResponseTimeout(Duration timeout) {
    return new SwitchSettings(
        host, port, timeout, connectTimeout, reconnectDelay, terminalId, acquirerId, cardAcceptorId);
  }

  public SwitchSettings withReconnectDelay(Duration delay) {
    return new SwitchSettings(
        host, port, responseTimeout, connectTimeout, delay, terminalId, acquirerId, cardAcceptorId);
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name + " is required.");
    if (value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be positive and below 24 days, was " + value + ".");
    }
  }

  private static void requireFixed(String value, int length, String name) {
    Objects.requireNonNull(value, name + " is required.");
    if (value.length() != length || !PRINTABLE.matcher(value).matches()) {
      throw new IllegalArgumentException(name + " must be exactly " + length + " printable characters.");
    }
  }
}
