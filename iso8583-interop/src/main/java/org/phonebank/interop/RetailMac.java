// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.macs.ISO9797Alg3Mac;
import org.bouncycastle.crypto.paddings.ISO7816d4Padding;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The switch link's MAC rule, written from the interface specification rather than taken from the
 * bridge: ISO 9797-1 MAC algorithm 3 (the "retail MAC": single-DES CBC under K1, then DES-decrypt
 * K2 and encrypt K1 on the last block) with padding method 2 (ISO 7816-4), keyed with the
 * double-length zone MAC key. Its input is the packed message (MTI, bitmaps, fields; no length
 * prefix or TPDU) with the MAC field present, minus the MAC field's own eight bytes, which are
 * last: field 64, or 128 when there is a secondary bitmap.
 */
public final class RetailMac {

  public static final int LENGTH = 8;

  private RetailMac() {}

  /** The MAC of {@code image} without its final eight bytes (the MAC field itself). */
  public static byte[] ofImage(byte[] zak, byte[] image) {
    Objects.requireNonNull(image, "Message image is required.");
    if (image.length < LENGTH) {
      throw new IllegalArgumentException("A message with a MAC field is longer than eight bytes.");
    }
    return of(zak, image, image.length - LENGTH);
  }

  /** True when the last eight bytes of {@code image} are the MAC of the rest. */
  public static boolean verifies(byte[] zak, byte[] image) {
    byte[] expected = ofImage(zak, image);
    return MessageDigest.isEqual(
        expected, Arrays.copyOfRange(image, image.length - LENGTH, image.length));
  }

  static byte[] of(byte[] zak, byte[] data, int length) {
    if (zak.length != 16) {
      throw new IllegalArgumentException("The zone MAC key must be double-length (16 bytes).");
    }
    ISO9797Alg3Mac mac = new ISO9797Alg3Mac(new DESEngine(), new ISO7816d4Padding());
    mac.init(new KeyParameter(zak));
    mac.update(data, 0, length);
    byte[] out = new byte[LENGTH];
    mac.doFinal(out, 0);
    return out;
  }
}
