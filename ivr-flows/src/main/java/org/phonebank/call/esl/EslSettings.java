// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.phonebank.settings.SettingsReader;

/**
 * Every setting of the Event Socket adapter with its default, keyed {@code phonebank.esl.*}.
 *
 * @param host address the server listens on, where FreeSWITCH's {@code socket} app connects ({@code
 *     phonebank.esl.host}, 127.0.0.1)
 * @param port its port, 0 for any free one ({@code phonebank.esl.port}, 8084)
 * @param promptDirectory folder on the FreeSWITCH machine holding {@code <lang>/<name>.<ext>}
 *     recordings ({@code phonebank.esl.prompt-dir}, /var/lib/phonebank/prompts); FreeSWITCH splits
 *     application arguments on spaces and file lists on {@code !}, so the path may hold neither
 * @param audioExtension extension of the recordings ({@code phonebank.esl.audio-extension}, wav)
 * @param commandTimeout safety limit on how long one command (a whole digit collection included)
 *     may go unanswered before the call is given up ({@code phonebank.esl.command-timeout-seconds},
 *     120 s)
 * @param peers who may connect as FreeSWITCH and how much room a peer gets ({@code
 *     phonebank.esl.peer-secret}, required, and the other keys of {@link EslPeers})
 */
public record EslSettings(
    String host,
    int port,
    String promptDirectory,
    String audioExtension,
    Duration commandTimeout,
    EslPeers peers) {

  static final String SECRET_KEY = "phonebank.esl.peer-secret";

  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9/._-]+");
  private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,8}");

  public EslSettings {
    Objects.requireNonNull(host, "ESL host is required.");
    Objects.requireNonNull(promptDirectory, "Prompt directory is required.");
    Objects.requireNonNull(audioExtension, "Audio extension is required.");
    Objects.requireNonNull(commandTimeout, "Command timeout is required.");
    Objects.requireNonNull(peers, "Event Socket peer rules are required.");
    if (host.isBlank()) {
      throw new IllegalArgumentException("ESL host must not be blank.");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("ESL port must be between 0 and 65535.");
    }
    if (!SAFE_PATH.matcher(promptDirectory).matches()) {
      throw new IllegalArgumentException(
          "Prompt directory may hold only letters, digits and / . _ - (FreeSWITCH splits on"
              + " spaces): "
              + promptDirectory);
    }
    if (!EXTENSION.matcher(audioExtension).matches()) {
      throw new IllegalArgumentException(
          "Audio extension must be lower-case letters or digits: " + audioExtension);
    }
    if (commandTimeout.toMillis() < 1000) {
      throw new IllegalArgumentException("Command timeout must be at least one second.");
    }
  }

  /** Every default, with the installation's peer secret (which has none). */
  public static EslSettings defaults(PeerSecret secret) {
    return from(key -> key.equals(SECRET_KEY) ? Optional.of(secret.value()) : Optional.empty());
  }

  /**
   * Reads every key through {@code lookup} (in Payara: MicroProfile Config's getOptionalValue).
   *
   * @throws IllegalArgumentException when a value is malformed or {@code phonebank.esl.peer-secret}
   *     is missing: without it any local process could play FreeSWITCH
   */
  public static EslSettings from(Function<String, Optional<String>> lookup) {
    SettingsReader keys = new SettingsReader(lookup);
    String secret =
        keys.secret(SECRET_KEY)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        SECRET_KEY
                            + " is required: the secret FreeSWITCH's dialplan sets as "
                            + PeerSecret.CHANNEL_VARIABLE
                            + " (./phonebank start generates one into the state folder)."));
    EslPeers peers =
        new EslPeers(
            new PeerSecret(secret),
            EslPeers.parseList(keys.text("phonebank.esl.allowed-peers", EslPeers.LOCAL_ONLY)),
            keys.seconds("phonebank.esl.handshake-timeout-seconds", Duration.ofSeconds(5)),
            keys.number("phonebank.esl.max-unread-kib", 8 * 1024) * 1024);
    return new EslSettings(
        keys.text("phonebank.esl.host", "127.0.0.1"),
        keys.number("phonebank.esl.port", 8084),
        keys.text("phonebank.esl.prompt-dir", "/var/lib/phonebank/prompts"),
        keys.text("phonebank.esl.audio-extension", "wav"),
        keys.seconds("phonebank.esl.command-timeout-seconds", Duration.ofSeconds(120)),
        peers);
  }

  /** The same settings listening on another port (tests use 0). */
  public EslSettings withPort(int newPort) {
    return new EslSettings(host, newPort, promptDirectory, audioExtension, commandTimeout, peers);
  }

  /** The same settings with other peer rules. */
  public EslSettings withPeers(EslPeers newPeers) {
    return new EslSettings(host, port, promptDirectory, audioExtension, commandTimeout, newPeers);
  }
}
