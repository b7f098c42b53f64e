// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.keys;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.Mac;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.macs.ISO9797Alg3Mac;
import org.bouncycastle.crypto.paddings.ISO7816d4Padding;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A triple-DES working key shared with the switch (ZPK for PIN blocks, ZAK for MACs). The key bytes
 * never leave this object: callers get an initialised cipher, and people compare keys by their
 * check value.
 */
public final class ZoneKey implements AutoCloseable {

  private final byte[] key;
  private boolean wiped;

  private ZoneKey(byte[] key) {
    this.key = key;
  }

  /** Takes a copy of a double-length (16-byte) or triple-length (24-byte) TDES key. */
  public static ZoneKey of(byte[] key) {
    Objects.requireNonNull(key, "Key bytes are required.");
    if (key.length != 16 && key.length != 24) {
      throw new IllegalArgumentException(
          "A TDES zone key must be 16 or 24 bytes, was " + key.length + ".");
    }
    return new ZoneKey(key.clone());
  }

  /** A TDES engine (single-block ECB) keyed with this key. */
  public BlockCipher cipher(boolean forEncryption) {
    if (wiped) {
      throw new IllegalStateException("The zone key has been wiped.");
    }
    DESedeEngine engine = new DESedeEngine();
    engine.init(forEncryption, new KeyParameter(key));
    return engine;
  }

  /**
   * The ISO 9797-1 MAC algorithm 3 (retail MAC) keyed with this double-length key: single DES CBC
   * over the data, the last block triple-DES'd, padding method 2 (ISO 7816-4: 0x80 then zeros),
   * full 8-byte result.
   */
  public Mac retailMac() {
    if (wiped) {
      throw new IllegalStateException("The zone key has been wiped.");
    }
    if (key.length != 16) {
      throw new IllegalStateException("The retail MAC needs a double-length (16-byte) key.");
    }
    Mac mac = new ISO9797Alg3Mac(new DESEngine(), new ISO7816d4Padding());
    mac.init(new KeyParameter(key));
    return mac;
  }

  /**
   * The key check value: the first three bytes of eight zero bytes enciphered under the key, in
   * hex.
   */
  public String checkValue() {
    byte[] zeros = new byte[8];
    byte[] out = new byte[8];
    cipher(true).processBlock(zeros, 0, out, 0);
    return HexFormat.of().withUpperCase().formatHex(out, 0, 3);
  }

  @Override
  public void close() {
    Arrays.fill(key, (byte) 0);
    wiped = true;
  }

  @Override
  public String toString() {
    return wiped ? "ZoneKey[wiped]" : "ZoneKey[KCV " + checkValue() + "]";
  }
}
