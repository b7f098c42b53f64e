// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.util.Objects;

/** One address the switch answers on: {@code host:port}. */
public record SwitchEndpoint(String host, int port) {

  public SwitchEndpoint {
    Objects.requireNonNull(host, "Switch host is required.");
    if (host.isBlank()) {
      throw new IllegalArgumentException("Switch host must not be blank.");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("Switch port must be 1 to 65535, was " + port + ".");
    }
  }

  /** Parses {@code host:port}. */
  public static SwitchEndpoint parse(String text) {
    Objects.requireNonNull(text, "Endpoint is required.");
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("A switch endpoint is host:port, was '" + text + "'.");
    }
    try {
      return new SwitchEndpoint(
          text.substring(0, colon).trim(), Integer.parseInt(text.substring(colon + 1).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("A switch endpoint is host:port, was '" + text + "'.");
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
