// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.keys;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADBlockCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * An AES key from the zone key store: the AES zone PIN key (ISO 9564 format 4) or the
 * store-and-forward storage key. Like {@link ZoneKey}, the bytes never leave: callers get
 * initialised engines and compare check values.
 */
public final class AesKey implements AutoCloseable {

  private final byte[] key;
  private boolean wiped;

  private AesKey(byte[] key) {
    this.key = key;
  }

  /** Takes a copy of a 16-, 24- or 32-byte AES key. */
  public static AesKey of(byte[] key) {
    Objects.requireNonNull(key, "Key bytes are required.");
    if (key.length != 16 && key.length != 24 && key.length != 32) {
      throw new IllegalArgumentException(
          "An AES key must be 16, 24 or 32 bytes, was " + key.length + ".");
    }
    return new AesKey(key.clone());
  }

  /** An AES engine (single-block ECB) keyed with this key. */
  public BlockCipher cipher(boolean forEncryption) {
    BlockCipher engine = AESEngine.newInstance();
    engine.init(forEncryption, new KeyParameter(live()));
    return engine;
  }

  /** AES-GCM with a 128-bit tag, for sealing stored messages. */
  public AEADBlockCipher gcm(boolean forEncryption, byte[] nonce, byte[] associatedData) {
    AEADBlockCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
    gcm.init(
        forEncryption, new AEADParameters(new KeyParameter(live()), 128, nonce, associatedData));
    return gcm;
  }

  /**
   * The key check value: the first three bytes of sixteen zero bytes enciphered under the key, in
   * hex.
   */
  public String checkValue() {
    byte[] out = new byte[16];
    cipher(true).processBlock(new byte[16], 0, out, 0);
    return HexFormat.of().withUpperCase().formatHex(out, 0, 3);
  }

  private byte[] live() {
    if (wiped) {
      throw new IllegalStateException("The AES key has been wiped.");
    }
    return key;
  }

  @Override
  public void close() {
    Arrays.fill(key, (byte) 0);
    wiped = true;
  }

  @Override
  public String toString() {
    return wiped ? "AesKey[wiped]" : "AesKey[AES-" + key.length * 8 + ", KCV " + checkValue() + "]";
  }
}
