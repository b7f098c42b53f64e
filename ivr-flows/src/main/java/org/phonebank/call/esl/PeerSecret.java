// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The per-installation secret FreeSWITCH's dialplan sets as channel variable {@value
 * #CHANNEL_VARIABLE} before {@code socket}, so that the {@code connect} reply's channel data proves
 * the peer is our FreeSWITCH and not any process that can reach the port. {@code ./phonebank start}
 * generates one into the state folder ({@code esl-peer-secret}). Never printed.
 *
 * @param value 16 to 128 letters, digits, {@code -} or {@code _}: what a dialplan {@code set} and
 *     FreeSWITCH's URL-encoding of channel data carry unchanged
 */
public record PeerSecret(String value) {

  /** The channel variable the dialplan sets; the connect reply carries it as {@code variable_…}. */
  public static final String CHANNEL_VARIABLE = "pb_esl_secret";

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{16,128}");

  public PeerSecret {
    Objects.requireNonNull(value, "Event Socket peer secret is required.");
    if (!SHAPE.matcher(value).matches()) {
      // The value itself stays out of the message.
      throw new IllegalArgumentException(
          "Event Socket peer secret must be 16 to 128 letters, digits, '-' or '_' (length was "
              + value.length()
              + ").");
    }
  }

  /** Whether {@code presented} is this secret, in time independent of where they differ. */
  public boolean matches(String presented) {
    return presented != null
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "PeerSecret[****]";
  }
}
