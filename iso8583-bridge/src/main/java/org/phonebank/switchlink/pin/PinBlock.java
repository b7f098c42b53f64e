// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.pin;

import java.util.Arrays;
import java.util.Objects;

/**
 * An enciphered PIN block: 8 bytes (format 0, field 52) or 16 bytes (format 4, private field). Even
 * enciphered it must not be stored or logged (PCI DSS 3.3.1.3), so it never prints and {@link
 * #close()} wipes it once the message is sent.
 */
public final class PinBlock implements AutoCloseable {

  /** A TDES block (format 0). */
  public static final int LENGTH = 8;

  /** An AES block (format 4). */
  public static final int AES_LENGTH = 16;

  private final byte[] enciphered;

  private PinBlock(byte[] enciphered) {
    this.enciphered = enciphered;
  }

  /** Takes a copy of an 8-byte (TDES) or 16-byte (AES) enciphered block. */
  public static PinBlock of(byte[] enciphered) {
    Objects.requireNonNull(enciphered, "PIN block is required.");
    if (enciphered.length != LENGTH && enciphered.length != AES_LENGTH) {
      throw new IllegalArgumentException(
          "A PIN block is 8 or 16 bytes, was " + enciphered.length + ".");
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
    return "PinBlock[" + (enciphered.length == LENGTH ? "TDES" : "AES") + ", enciphered]";
  }
}
