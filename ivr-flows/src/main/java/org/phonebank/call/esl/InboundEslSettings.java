// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.phonebank.settings.SettingsReader;

/**
 * Where the callback dialler reaches FreeSWITCH's inbound Event Socket ({@code mod_event_socket},
 * {@code conf/autoload_configs/event_socket.conf.xml}) and how it dials a customer, keyed {@code
 * phonebank.esl.inbound-*} and {@code phonebank.esl.callback-*}.
 *
 * @param host FreeSWITCH's Event Socket address ({@code inbound-host}, 127.0.0.1)
 * @param port its port ({@code inbound-port}, 8021, FreeSWITCH's default)
 * @param password the Event Socket password ({@code inbound-password}, from the secret store; no
 *     default: FreeSWITCH ships {@code ClueCon}, which must be changed)
 * @param dialPrefix what goes before the customer's number in the originate dial string ({@code
 *     callback-dial-prefix}, {@code sofia/gateway/bank/}: the bank's trunk)
 * @param callerId the number the customer sees ({@code callback-caller-id}, empty: the trunk's)
 * @param replyTimeout longest wait for FreeSWITCH to answer a command ({@code
 *     inbound-reply-timeout-seconds}, 5)
 */
public record InboundEslSettings(
    String host,
    int port,
    String password,
    String dialPrefix,
    String callerId,
    Duration replyTimeout) {

  static final String PASSWORD_KEY = "phonebank.esl.inbound-password";

  private static final Pattern DIAL_PREFIX = Pattern.compile("[A-Za-z0-9_./@:+=-]{0,64}");
  private static final Pattern CALLER_ID = Pattern.compile("\\+?[0-9]{0,15}");

  public InboundEslSettings {
    Objects.requireNonNull(host, "Inbound Event Socket host is required.");
    Objects.requireNonNull(password, "Inbound Event Socket password is required.");
    Objects.requireNonNull(replyTimeout, "Reply timeout is required.");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("Inbound Event Socket port must be 1 to 65535.");
    }
    // One line on the wire, no space: `auth <password>` is split on nothing else.
    if (password.isEmpty() || !password.matches("[\\x21-\\x7e]{1,128}")) {
      throw new IllegalArgumentException(
          PASSWORD_KEY + " must be 1 to 128 printable characters without spaces.");
    }
    if (!DIAL_PREFIX.matcher(dialPrefix).matches()) {
      throw new IllegalArgumentException(
          "phonebank.esl.callback-dial-prefix may hold only letters, digits and _ . / @ : + = -");
    }
    if (!CALLER_ID.matcher(callerId).matches()) {
      throw new IllegalArgumentException("phonebank.esl.callback-caller-id is up to 15 digits.");
    }
  }

  /**
   * The settings, or empty when no inbound password is configured (the phone bank then places no
   * callbacks, and says so at start).
   */
  public static Optional<InboundEslSettings> from(Function<String, Optional<String>> lookup) {
    SettingsReader keys = new SettingsReader(lookup);
    return keys.secret(PASSWORD_KEY)
        .map(
            password ->
                new InboundEslSettings(
                    keys.text("phonebank.esl.inbound-host", "127.0.0.1"),
                    keys.number("phonebank.esl.inbound-port", 8021),
                    password,
                    keys.text("phonebank.esl.callback-dial-prefix", "sofia/gateway/bank/"),
                    keys.text("phonebank.esl.callback-caller-id", ""),
                    keys.seconds(
                        "phonebank.esl.inbound-reply-timeout-seconds", Duration.ofSeconds(5))));
  }

  @Override
  public String toString() {
    return "InboundEslSettings[" + host + ":" + port + ", prefix " + dialPrefix + "]";
  }
}
