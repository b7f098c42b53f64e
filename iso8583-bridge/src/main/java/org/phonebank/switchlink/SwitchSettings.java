// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.phonebank.settings.SettingsReader;
import org.phonebank.switchlink.pin.PinFormat;

/**
 * Where the switch is, how this acquirer identifies itself to it, and the link's timers. Every key
 * with its default is read in {@link #from}; docs/switch-message-spec.md lists them for the switch
 * team.
 *
 * <p>{@code localZone} is the bank's zone, {@code phonebank.bank.zone} ({@link
 * SettingsReader#BANK_ZONE}), in which fields 12 and 13 are given.
 *
 * <p>{@code endpoints} are tried in order: the link keeps one of them signed on and fails over to
 * the next at once when it drops or refuses.
 */
public record SwitchSettings(
    List<SwitchEndpoint> endpoints,
    Duration responseTimeout,
    Duration connectTimeout,
    Duration reconnectDelay,
    Duration reconnectMaxDelay,
    Duration echoInterval,
    String terminalId,
    String acquirerId,
    String forwardingId,
    String cardAcceptorId,
    ZoneId localZone,
    PinFormat pinFormat,
    Duration safRetryInterval,
    Set<String> safRetryCodes,
    int safDeadLetterAttempts,
    Duration safDeadLetterAge) {

  public static final String ENDPOINTS = "phonebank.switch.endpoints";
  public static final String HOST = "phonebank.switch.host";
  public static final String PORT = "phonebank.switch.port";
  public static final String RESPONSE_TIMEOUT_MS = "phonebank.switch.response-timeout-ms";
  public static final String CONNECT_TIMEOUT_MS = "phonebank.switch.connect-timeout-ms";
  public static final String RECONNECT_DELAY_MS = "phonebank.switch.reconnect-delay-ms";
  public static final String RECONNECT_MAX_DELAY_MS = "phonebank.switch.reconnect-max-delay-ms";
  public static final String ECHO_INTERVAL_MS = "phonebank.switch.echo-interval-ms";
  public static final String TERMINAL_ID = "phonebank.switch.terminal-id";
  public static final String ACQUIRER_ID = "phonebank.switch.acquirer-id";
  public static final String FORWARDING_ID = "phonebank.switch.forwarding-id";
  public static final String CARD_ACCEPTOR_ID = "phonebank.switch.card-acceptor-id";
  public static final String PIN_FORMAT = "phonebank.switch.pin-block-format";
  public static final String SAF_RETRY_INTERVAL_MS = "phonebank.switch.saf.retry-interval-ms";
  public static final String SAF_RETRY_CODES = "phonebank.switch.saf.retry-response-codes";
  public static final String SAF_DEAD_LETTER_ATTEMPTS =
      "phonebank.switch.saf.dead-letter-after-attempts";
  public static final String SAF_DEAD_LETTER_AGE_MS = "phonebank.switch.saf.dead-letter-after-ms";

  private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]+");
  private static final Pattern INSTITUTION = Pattern.compile("[0-9]{1,11}");
  private static final Pattern CODE = Pattern.compile("[0-9A-Z]{2}");

  public SwitchSettings {
    Objects.requireNonNull(endpoints, "Switch endpoints are required.");
    endpoints = List.copyOf(endpoints);
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("At least one switch endpoint is required.");
    }
    requirePositive(responseTimeout, "Response timeout");
    requirePositive(connectTimeout, "Connect timeout");
    requirePositive(reconnectDelay, "Reconnect delay");
    requirePositive(reconnectMaxDelay, "Maximum reconnect delay");
    requirePositive(echoInterval, "Echo interval");
    requirePositive(safRetryInterval, "SAF retry interval");
    if (reconnectMaxDelay.compareTo(reconnectDelay) < 0) {
      throw new IllegalArgumentException(
          "Maximum reconnect delay must not be below the reconnect delay.");
    }
    requireFixed(terminalId, 8, "Terminal id (field 41)");
    requireFixed(cardAcceptorId, 15, "Card acceptor id (field 42)");
    requireInstitution(acquirerId, "Acquirer id (field 32)");
    requireInstitution(forwardingId, "Forwarding institution id (field 90)");
    Objects.requireNonNull(localZone, "Local time zone is required.");
    Objects.requireNonNull(pinFormat, "PIN block format is required.");
    Objects.requireNonNull(safRetryCodes, "SAF retry codes are required.");
    if (safDeadLetterAttempts < 1) {
      throw new IllegalArgumentException("SAF dead-letter attempts must be at least 1.");
    }
    requirePositive(safDeadLetterAge, "SAF dead-letter age");
    safRetryCodes = Set.copyOf(safRetryCodes);
    for (String code : safRetryCodes) {
      if (!CODE.matcher(code).matches()) {
        throw new IllegalArgumentException(
            "A response code is two characters, was '" + code + "'.");
      }
    }
  }

  /** The defaults: one switch on this machine at port 9443, as the switch simulator listens. */
  public static SwitchSettings defaults() {
    return new SwitchSettings(
        List.of(new SwitchEndpoint("127.0.0.1", 9443)),
        Duration.ofSeconds(10),
        Duration.ofSeconds(3),
        Duration.ofSeconds(2),
        Duration.ofSeconds(60),
        Duration.ofSeconds(30),
        "IVR00001",
        "627353",
        "627353",
        "PHONEBANKIVR001",
        SettingsReader.DEFAULT_BANK_ZONE,
        PinFormat.ISO_0,
        Duration.ofSeconds(10),
        Set.of("91", "96"),
        // An hour of refusals at the default 10 s interval, or six hours however few: then an
        // operator looks, and the reversals behind it go on.
        360,
        Duration.ofHours(6));
  }

  /**
   * Reads every key through {@code lookup} (in Payara: MicroProfile Config's getOptionalValue).
   * {@value #ENDPOINTS} ({@code host:port,host:port}) wins over {@value #HOST}/{@value #PORT}.
   */
  public static SwitchSettings from(Function<String, Optional<String>> lookup) {
    SwitchSettings d = defaults();
    SettingsReader keys = new SettingsReader(lookup);
    List<SwitchEndpoint> endpoints =
        keys.given(ENDPOINTS)
            .map(
                v ->
                    Arrays.stream(v.split(","))
                        .map(String::trim)
                        .filter(e -> !e.isEmpty())
                        .map(SwitchEndpoint::parse)
                        .toList())
            .orElseGet(
                () ->
                    List.of(
                        new SwitchEndpoint(
                            keys.text(HOST, d.host()), keys.number(PORT, d.port()))));
    String acquirer = keys.text(ACQUIRER_ID, d.acquirerId());
    return new SwitchSettings(
        endpoints,
        keys.millis(RESPONSE_TIMEOUT_MS, d.responseTimeout()),
        keys.millis(CONNECT_TIMEOUT_MS, d.connectTimeout()),
        keys.millis(RECONNECT_DELAY_MS, d.reconnectDelay()),
        keys.millis(RECONNECT_MAX_DELAY_MS, d.reconnectMaxDelay()),
        keys.millis(ECHO_INTERVAL_MS, d.echoInterval()),
        keys.text(TERMINAL_ID, d.terminalId()),
        acquirer,
        keys.text(FORWARDING_ID, acquirer),
        keys.text(CARD_ACCEPTOR_ID, d.cardAcceptorId()),
        keys.bankZone(),
        pinFormat(keys.text(PIN_FORMAT, "0")),
        keys.millis(SAF_RETRY_INTERVAL_MS, d.safRetryInterval()),
        Arrays.stream(keys.text(SAF_RETRY_CODES, "91,96").split(","))
            .map(String::trim)
            .filter(c -> !c.isEmpty())
            .collect(Collectors.toSet()),
        keys.number(SAF_DEAD_LETTER_ATTEMPTS, d.safDeadLetterAttempts()),
        keys.millis(SAF_DEAD_LETTER_AGE_MS, d.safDeadLetterAge()));
  }

  /** The first endpoint's host, where the link starts. */
  public String host() {
    return endpoints.get(0).host();
  }

  public int port() {
    return endpoints.get(0).port();
  }

  private static PinFormat pinFormat(String value) {
    return switch (value) {
      case "0", "ISO-0", "iso-0" -> PinFormat.ISO_0;
      case "4", "ISO-4", "iso-4" -> PinFormat.ISO_4;
      default ->
          throw new IllegalArgumentException(
              "Setting " + PIN_FORMAT + " must be 0 or 4, was '" + value + "'.");
    };
  }

  public SwitchSettings withEndpoints(List<SwitchEndpoint> list) {
    return new SwitchSettings(
        list,
        responseTimeout,
        connectTimeout,
        reconnectDelay,
        reconnectMaxDelay,
        echoInterval,
        terminalId,
        acquirerId,
        forwardingId,
        cardAcceptorId,
        localZone,
        pinFormat,
        safRetryInterval,
        safRetryCodes,
        safDeadLetterAttempts,
        safDeadLetterAge);
  }

  public SwitchSettings withEndpoint(String newHost, int newPort) {
    return withEndpoints(List.of(new SwitchEndpoint(newHost, newPort)));
  }

  public SwitchSettings withResponseTimeout(Duration timeout) {
    return new SwitchSettings(
        endpoints,
        timeout,
        connectTimeout,
        reconnectDelay,
        reconnectMaxDelay,
        echoInterval,
        terminalId,
        acquirerId,
        forwardingId,
        cardAcceptorId,
        localZone,
        pinFormat,
        safRetryInterval,
        safRetryCodes,
        safDeadLetterAttempts,
        safDeadLetterAge);
  }

  /** Sets the first reconnect delay; the maximum becomes at least as long. */
  public SwitchSettings withReconnectDelay(Duration delay) {
    Duration max = reconnectMaxDelay.compareTo(delay) < 0 ? delay : reconnectMaxDelay;
    return withReconnectDelays(delay, max);
  }

  public SwitchSettings withReconnectDelays(Duration initial, Duration max) {
    return new SwitchSettings(
        endpoints,
        responseTimeout,
        connectTimeout,
        initial,
        max,
        echoInterval,
        terminalId,
        acquirerId,
        forwardingId,
        cardAcceptorId,
        localZone,
        pinFormat,
        safRetryInterval,
        safRetryCodes,
        safDeadLetterAttempts,
        safDeadLetterAge);
  }

  public SwitchSettings withEchoInterval(Duration interval) {
    return new SwitchSettings(
        endpoints,
        responseTimeout,
        connectTimeout,
        reconnectDelay,
        reconnectMaxDelay,
        interval,
        terminalId,
        acquirerId,
        forwardingId,
        cardAcceptorId,
        localZone,
        pinFormat,
        safRetryInterval,
        safRetryCodes,
        safDeadLetterAttempts,
        safDeadLetterAge);
  }

  public SwitchSettings withIdentity(String terminal, String acquirer, String cardAcceptor) {
    return new SwitchSettings(
        endpoints,
        responseTimeout,
        connectTimeout,
        reconnectDelay,
        reconnectMaxDelay,
        echoInterval,
        terminal,
        acquirer,
        forwardingId,
        cardAcceptor,
        localZone,
        pinFormat,
        safRetryInterval,
        safRetryCodes,
        safDeadLetterAttempts,
        safDeadLetterAge);
  }

  public SwitchSettings withPinFormat(PinFormat format) {
    return new SwitchSettings(
        endpoints,
        responseTimeout,
        connectTimeout,
        reconnectDelay,
        reconnectMaxDelay,
        echoInterval,
        terminalId,
        acquirerId,
        forwardingId,
        cardAcceptorId,
        localZone,
        format,
        safRetryInterval,
        safRetryCodes,
        safDeadLetterAttempts,
        safDeadLetterAge);
  }

  /** Store-and-forward sets an advice aside after {@code attempts} refusals or {@code age}. */
  public SwitchSettings withSafDeadLetter(int attempts, Duration age) {
    return new SwitchSettings(
        endpoints,
        responseTimeout,
        connectTimeout,
        reconnectDelay,
        reconnectMaxDelay,
        echoInterval,
        terminalId,
        acquirerId,
        forwardingId,
        cardAcceptorId,
        localZone,
        pinFormat,
        safRetryInterval,
        safRetryCodes,
        attempts,
        age);
  }

  public SwitchSettings withSafRetryInterval(Duration interval) {
    return new SwitchSettings(
        endpoints,
        responseTimeout,
        connectTimeout,
        reconnectDelay,
        reconnectMaxDelay,
        echoInterval,
        terminalId,
        acquirerId,
        forwardingId,
        cardAcceptorId,
        localZone,
        pinFormat,
        interval,
        safRetryCodes,
        safDeadLetterAttempts,
        safDeadLetterAge);
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name + " is required.");
    if (value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          name + " must be positive and below 24 days, was " + value + ".");
    }
  }

  private static void requireInstitution(String value, String name) {
    Objects.requireNonNull(value, name + " is required.");
    if (!INSTITUTION.matcher(value).matches()) {
      throw new IllegalArgumentException(name + " must be 1 to 11 digits.");
    }
  }

  private static void requireFixed(String value, int length, String name) {
    Objects.requireNonNull(value, name + " is required.");
    if (value.length() != length || !PRINTABLE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          name + " must be exactly " + length + " printable characters.");
    }
  }
}
