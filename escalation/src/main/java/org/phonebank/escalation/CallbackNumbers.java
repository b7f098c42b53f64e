// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals callback numbers for the shared store and opens them for the dialler. A callback number is
 * collected digits (SECURITY.md): it must be dialled later, possibly by another node, so it is
 * encrypted rather than hashed: AES-256-GCM under a key derived from the bank's callback key, with
 * a random 96-bit nonce per number, written {@code v1:<base64(nonce | ciphertext | tag)>}. A second
 * derived key gives an HMAC-SHA-256 digest of the number, so a caller's pending callbacks can be
 * found (and cancelled when they call again) without opening every one.
 *
 * <p>The key is {@code phonebank.escalation.callback-key}: 32 bytes, base64, from the secret store
 * ({@code ./phonebank start} generates one into the state folder). Without it the numbers are
 * sealed under a key made at random for this process, so they cannot be dialled after a restart or
 * by another node: fine for tests, logged as a warning in a deployment.
 */
public final class CallbackNumbers {

  static final String VERSION = "v1:";

  /** The configuration key of the callback key. */
  public static final String KEY_SETTING = EscalationSettings.PREFIX + "callback-key";

  private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{4,15}");
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec sealKey;
  private final SecretKeySpec digestKey;
  private final boolean ephemeral;

  private CallbackNumbers(byte[] key, boolean ephemeral) {
    if (key.length != 32) {
      throw new IllegalArgumentException(
          "The callback key (" + KEY_SETTING + ") is 32 bytes, base64; it was " + key.length);
    }
    this.sealKey = new SecretKeySpec(derive(key, "callback-number-seal"), "AES");
    this.digestKey = new SecretKeySpec(derive(key, "callback-number-digest"), "HmacSHA256");
    this.ephemeral = ephemeral;
    Arrays.fill(key, (byte) 0);
  }

  /**
   * The bank's callback key read through {@code lookup}; a random key for this process when none is
   * set.
   *
   * @throws IllegalArgumentException when the key is set but is not 32 bytes of base64
   */
  public static CallbackNumbers from(Function<String, Optional<String>> lookup) {
    Optional<String> configured = lookup.apply(KEY_SETTING).filter(k -> !k.isBlank());
    if (configured.isEmpty()) {
      return ephemeral();
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(configured.get().trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The callback key (" + KEY_SETTING + ") is not base64.");
    }
    return new CallbackNumbers(key, false);
  }

  /** Numbers sealed under a random key that lives as long as this object. */
  public static CallbackNumbers ephemeral() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return new CallbackNumbers(key, true);
  }

  /** Whether the key was made at random for this process (no callback key configured). */
  public boolean isEphemeral() {
    return ephemeral;
  }

  /**
   * @param number 4 to 15 digits, optionally after {@code +}
   * @throws IllegalArgumentException if {@code number} is not a phone number
   */
  public SealedNumber seal(String number) {
    requireNumber(number);
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] clear = number.getBytes(StandardCharsets.US_ASCII);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(clear);
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return new SealedNumber(VERSION + Base64.getEncoder().encodeToString(out), digest(number));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available.", e);
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /**
   * The number in {@code sealed}.
   *
   * @throws IllegalArgumentException if it was not sealed under this key (another key, tampered)
   */
  public String open(String sealed) {
    Objects.requireNonNull(sealed, "Sealed number is required.");
    if (!sealed.startsWith(VERSION)) {
      throw new IllegalArgumentException("Not a sealed callback number.");
    }
    byte[] in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
    if (in.length <= NONCE_BYTES) {
      throw new IllegalArgumentException("Not a sealed callback number.");
    }
    byte[] clear = null;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      clear = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return new String(clear, StandardCharsets.US_ASCII);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IllegalArgumentException(
          "The callback number was sealed under another key, or altered.");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available.", e);
    } finally {
      if (clear != null) {
        Arrays.fill(clear, (byte) 0);
      }
    }
  }

  /** The keyed digest of {@code number}: the same number always gives the same digest. */
  public String digest(String number) {
    requireNumber(number);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(digestKey);
      // A leading + and the bare digits are one number to the caller.
      return HexFormat.of()
          .formatHex(mac.doFinal(number.replace("+", "").getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available.", e);
    }
  }

  /** Whether {@code number} is a phone number a callback may go to. */
  public static boolean isPhoneNumber(String number) {
    return number != null && NUMBER.matcher(number).matches();
  }

  private static void requireNumber(String number) {
    if (!isPhoneNumber(number)) {
      throw new IllegalArgumentException("A callback number is 4 to 15 digits.");
    }
  }

  private static byte[] derive(byte[] key, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available.", e);
    }
  }

  @Override
  public String toString() {
    return ephemeral ? "CallbackNumbers[ephemeral key]" : "CallbackNumbers[configured key]";
  }
}
