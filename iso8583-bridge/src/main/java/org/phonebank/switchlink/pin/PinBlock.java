// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.pin;

import java.util.Arrays;
import java.util.Objects;

/**
 * An enciphered 8-byte PIN block, as carried in field 52. Even enciphered it must not be stored or logged
 * (PCI DSS 3.3.1.3), so it never prints and {@link #close()} wipes it once the message is sent.
 */
public final class PinBlock implements AutoCloseable {

  public static final int LENGTH = 8;

  private final byte[] enciphered;

  private PinBlock(byte[] enciphered) {
    this.enciphered = enciphered;
  }

  /** Takes a copy of an 8-byte enciphered block. */
  public static PinBlock of(byte[] enciphered) {
    Objects.requireNonNull(enciphered, "PIN block is required.");
    if (enciphered.length != LENGTH) {
      throw new IllegalArgumentException("A TDES PIN block is 8 bytes, was " + enciphered.length + ".");
    }
    return new PinBlock(enciphered.clone());
  }

  /** A copy of the enciphered bytes for the message; the caller wipes it after sending. */
  public byte[] bytes() {
    return enciphered.clone();
  }

  @Override
  public void close() {
    Arrays.fill(enciphered, (byte) 0);
  }

  @Override
  public String toString() {
    return "PinBlock[ISO-0, enciphered]";
  }
}
