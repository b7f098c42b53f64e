// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The credentials folder of the switch link, and the one place that knows its layout. Each key
 * store is a BCFKS file; their passwords are in {@value #SECRETS}, keyed by file name ({@code
 * <file>.password}). The phone bank needs {@link #client()}, {@link #trustAnchors()}, the PIN keys
 * ({@link #pinKey()}, {@link #aesPinKey()}), the MAC key ({@link #macKey()}) and the
 * store-and-forward {@link #storageKey()}; the switch simulator needs {@link #server()} instead of
 * the client identity.
 *
 * <p>Each store is opened once per instance, when first asked for. Opening checks a store's
 * integrity MAC and decrypts it, each behind a password-based key derivation (about 45 ms apiece in
 * a warm JVM for a store written with BCFKS's defaults), and the zone key store serves four keys.
 * The stores handed out ({@link #trustAnchors()} and each {@link TlsIdentity}'s) are that one
 * opened store, shared by every caller: read them, never change them.
 */
public final class SwitchCredentials {

  public static final String SECRETS = "secrets.properties";
  public static final String TRUST_STORE = "trusted-ca.bcfks";
  public static final String CLIENT_STORE = "phonebank-client.bcfks";
  public static final String SERVER_STORE = "switch-server.bcfks";
  public static final String ROGUE_STORE = "rogue-client.bcfks";
  public static final String ZONE_KEY_STORE = "zone-keys.bcfks";

  public static final String CLIENT_ALIAS = "phonebank";
  public static final String SERVER_ALIAS = "switch";
  public static final String ROGUE_ALIAS = "rogue";
  public static final String CA_ALIAS = "demo-ca";
  public static final String PIN_KEY_ALIAS = "zpk";
  public static final String MAC_KEY_ALIAS = "zak";
  public static final String AES_PIN_KEY_ALIAS = "zpk-aes";
  public static final String STORAGE_KEY_ALIAS = "saf-storage";

  static final String KEY_STORE_TYPE = "BCFKS";

  /** Every file a complete demo folder holds. */
  static final List<String> ALL_FILES =
      List.of(SECRETS, TRUST_STORE, CLIENT_STORE, SERVER_STORE, ROGUE_STORE, ZONE_KEY_STORE);

  private final Path directory;
  private final Properties secrets;

  /**
   * Stores opened so far, by file name. A store keeps its keys encrypted; the exception is a
   * private key once a key manager has read it (Bouncy Castle then keeps the decrypted key in the
   * store), which the TLS context built from it holds for the link's life anyway. Callers keep an
   * instance only as long as they set up the link (the server drops it after start-up), so nothing
   * here outlives what the link holds. Guarded by {@code this}.
   */
  private final Map<String, KeyStore> opened = new HashMap<>();

  private SwitchCredentials(Path directory, Properties secrets) {
    this.directory = directory;
    this.secrets = secrets;
  }

  /** Opens a credentials folder; each store is read when first asked for. */
  public static SwitchCredentials load(Path directory) {
    Objects.requireNonNull(directory, "Credentials directory is required.");
    Path secretsFile = directory.resolve(SECRETS);
    if (!Files.isRegularFile(secretsFile)) {
      throw new IllegalStateException("No " + SECRETS + " in " + directory + ".");
    }
    Properties secrets = new Properties();
    try (InputStream in = Files.newInputStream(secretsFile)) {
      secrets.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + secretsFile + ".", e);
    }
    return new SwitchCredentials(directory, secrets);
  }

  static String passwordKey(String file) {
    return file + ".password";
  }

  public Path directory() {
    return directory;
  }

  /** The phone bank's client certificate and key, presented to the switch. */
  public TlsIdentity client() {
    return new TlsIdentity(CLIENT_ALIAS, open(CLIENT_STORE), password(CLIENT_STORE));
  }

  /** The switch's server certificate and key (used by the switch simulator). */
  public TlsIdentity server() {
    return new TlsIdentity(SERVER_ALIAS, open(SERVER_STORE), password(SERVER_STORE));
  }

  /**
   * A client identity signed by a CA nobody trusts: only for proving that the switch refuses it.
   */
  public TlsIdentity rogueClient() {
    return new TlsIdentity(ROGUE_ALIAS, open(ROGUE_STORE), password(ROGUE_STORE));
  }

  /** The certificate authorities trusted on either side of the link. */
  public KeyStore trustAnchors() {
    return open(TRUST_STORE);
  }

  /** The zone PIN key (ZPK) that enciphers field 52. */
  public ZoneKey pinKey() {
    return secretKey(PIN_KEY_ALIAS);
  }

  /** The zone MAC key (ZAK). */
  public ZoneKey macKey() {
    return secretKey(MAC_KEY_ALIAS);
  }

  /** The AES-128 zone PIN key for ISO 9564 format 4 PIN blocks. */
  public AesKey aesPinKey() {
    return aesKey(AES_PIN_KEY_ALIAS);
  }

  /** The AES-256 key that seals store-and-forward messages at rest (they hold card numbers). */
  public AesKey storageKey() {
    return aesKey(STORAGE_KEY_ALIAS);
  }

  private ZoneKey secretKey(String alias) {
    byte[] encoded = keyBytes(alias);
    try {
      return ZoneKey.of(encoded);
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  private AesKey aesKey(String alias) {
    byte[] encoded = keyBytes(alias);
    try {
      return AesKey.of(encoded);
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  /** True when the zone key store holds {@code alias} (older demo folders lack the AES keys). */
  boolean hasZoneKey(String alias) {
    try {
      return open(ZONE_KEY_STORE).containsAlias(alias);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read " + ZONE_KEY_STORE + ".", e);
    }
  }

  private byte[] keyBytes(String alias) {
    char[] password = password(ZONE_KEY_STORE);
    try {
      Key key = open(ZONE_KEY_STORE).getKey(alias, password);
      if (key == null) {
        throw new IllegalStateException(
            "No key '" + alias + "' in " + directory.resolve(ZONE_KEY_STORE) + ".");
      }
      return key.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot read key '" + alias + "' from " + ZONE_KEY_STORE + ".", e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  char[] zoneStorePassword() {
    return password(ZONE_KEY_STORE);
  }

  /** A copy of the zone key store of its own, opened anew, that the caller may change and write. */
  KeyStore zoneStore() {
    return read(ZONE_KEY_STORE);
  }

  private synchronized KeyStore open(String file) {
    return opened.computeIfAbsent(file, this::read);
  }

  private KeyStore read(String file) {
    Path path = directory.resolve(file);
    char[] password = password(file);
    try (InputStream in = Files.newInputStream(path)) {
      KeyStore store = KeyStore.getInstance(KEY_STORE_TYPE, BouncyCastle.crypto());
      store.load(in, password);
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read key store " + path + ".", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot open key store " + path + ".", e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private char[] password(String file) {
    String value = secrets.getProperty(passwordKey(file));
    if (value == null) {
      throw new IllegalStateException(
          "No password for " + file + " in " + directory.resolve(SECRETS) + ".");
    }
    return value.toCharArray();
  }

  @Override
  public String toString() {
    return "SwitchCredentials[" + directory + "]";
  }
}
