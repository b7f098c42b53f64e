// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.keys;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.crypto.params.DESedeParameters;
import org.bouncycastle.crypto.util.PBKDF2Config;
import org.bouncycastle.jcajce.BCFKSStoreParameter;
import org.phonebank.switchlink.keys.DemoCertificateAuthority.IssuedIdentity;

/**
 * Creates a self-contained set of demo credentials for the switch link: a demo CA, the switch's
 * server certificate (SAN localhost and 127.0.0.1), the phone bank's client certificate, a rogue
 * client certificate from an untrusted CA, the zone PIN keys (TDES and AES), the MAC key and the
 * store-and-forward storage key. Nothing is overwritten: a folder that already holds the files is
 * left alone. Only key check values are printed, never keys or passwords.
 *
 * <p>Usage: {@code java org.phonebank.switchlink.keys.DemoCredentials <directory>}
 */
public final class DemoCredentials {

  private static final int TDES_DOUBLE_LENGTH = 16;
  private static final int AES_PIN_KEY_LENGTH = 16;
  private static final int STORAGE_KEY_LENGTH = 32;

  /**
   * The key derivation guarding each demo store as a whole (its integrity MAC and its encryption):
   * PBKDF2 with HMAC-SHA512 and 1,024 iterations, Bouncy Castle's own builder default, rather than
   * the 51,200 BCFKS picks by default. Every JVM that starts the switch link opens three stores,
   * each open derives twice, and at 51,200 iterations a derivation costs about 45 ms warm and far
   * more cold. Stretching adds nothing here: each password is 24 random bytes (192 bits), beyond
   * guessing however cheap a guess, and sits beside its store in {@value
   * SwitchCredentials#SECRETS}, so whoever can read the store reads the password without guessing.
   * A store records its parameters, so stores a bank writes with its own tooling load unchanged.
   * Keys inside a store keep BCFKS's fixed 51,200 iterations, which the {@code KeyStore} API does
   * not let us set.
   */
  static final PBKDF2Config STORE_KEY_DERIVATION =
      new PBKDF2Config.Builder().withIterationCount(1024).withPRF(PBKDF2Config.PRF_SHA512).build();

  private DemoCredentials() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: DemoCredentials <directory>");
      System.exit(2);
    }
    Path directory = Path.of(args[0]);
    boolean created = generateIfMissing(directory);
    System.out.println(
        (created ? "demo credentials created in " : "demo credentials already present in ")
            + directory);
    System.out.println(summary(SwitchCredentials.load(directory)));
  }

  /**
   * Generates the demo credentials in {@code directory} unless they are already there.
   *
   * @return true when they were generated now
   * @throws IllegalStateException when the folder holds only some of the files (it is never
   *     half-overwritten)
   */
  public static boolean generateIfMissing(Path directory) {
    List<String> present =
        SwitchCredentials.ALL_FILES.stream()
            .filter(f -> Files.exists(directory.resolve(f)))
            .toList();
    if (present.size() == SwitchCredentials.ALL_FILES.size()) {
      addMissingAesKeys(directory);
      return false;
    }
    if (!present.isEmpty()) {
      throw new IllegalStateException(
          directory
              + " holds only some demo credentials "
              + present
              + "; remove them or complete the set.");
    }
    try {
      Files.createDirectories(directory);
      generate(directory, new SecureRandom());
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write demo credentials to " + directory + ".", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot generate demo credentials.", e);
    }
  }

  /**
   * Check values of the zone keys, one per line: what operators compare with the switch's key
   * ceremony.
   */
  public static String summary(SwitchCredentials credentials) {
    try (ZoneKey pin = credentials.pinKey();
        ZoneKey mac = credentials.macKey();
        AesKey aesPin = credentials.aesPinKey();
        AesKey storage = credentials.storageKey()) {
      return "  ZPK (zone PIN key, TDES) check value "
          + pin.checkValue()
          + System.lineSeparator()
          + "  ZPK (zone PIN key, AES) check value "
          + aesPin.checkValue()
          + System.lineSeparator()
          + "  ZAK (zone MAC key) check value "
          + mac.checkValue()
          + System.lineSeparator()
          + "  SAF storage key check value "
          + storage.checkValue();
    }
  }

  /**
   * A folder made before the AES keys existed gets them added to its zone key store; existing keys
   * are kept, so the switch's key ceremony for the TDES keys stays valid.
   */
  private static void addMissingAesKeys(Path directory) {
    SwitchCredentials credentials = SwitchCredentials.load(directory);
    boolean pin = credentials.hasZoneKey(SwitchCredentials.AES_PIN_KEY_ALIAS);
    boolean storage = credentials.hasZoneKey(SwitchCredentials.STORAGE_KEY_ALIAS);
    if (pin && storage) {
      return;
    }
    char[] password = credentials.zoneStorePassword();
    try {
      KeyStore zone = credentials.zoneStore();
      SecureRandom random = new SecureRandom();
      if (!pin) {
        addAesKey(zone, SwitchCredentials.AES_PIN_KEY_ALIAS, AES_PIN_KEY_LENGTH, password, random);
      }
      if (!storage) {
        addAesKey(zone, SwitchCredentials.STORAGE_KEY_ALIAS, STORAGE_KEY_LENGTH, password, random);
      }
      Path file = directory.resolve(SwitchCredentials.ZONE_KEY_STORE);
      Path fresh = directory.resolve(SwitchCredentials.ZONE_KEY_STORE + ".new");
      Files.deleteIfExists(fresh);
      try (OutputStream out = Files.newOutputStream(createPrivateFile(fresh))) {
        zone.store(out, password);
      }
      Files.move(
          fresh,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot add AES keys to " + directory + ".", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot add AES keys.", e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static void generate(Path directory, SecureRandom random)
      throws IOException, GeneralSecurityException {
    DemoCertificateAuthority ca = DemoCertificateAuthority.create("Phone Bank Demo CA", random);
    DemoCertificateAuthority untrusted =
        DemoCertificateAuthority.create("Untrusted Demo CA", random);
    IssuedIdentity server =
        ca.issue(
            "localhost",
            KeyPurposeId.id_kp_serverAuth,
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
    IssuedIdentity client = ca.issue("phonebank-ivr", KeyPurposeId.id_kp_clientAuth);
    IssuedIdentity rogue = untrusted.issue("phonebank-ivr", KeyPurposeId.id_kp_clientAuth);

    Properties secrets = new Properties();
    KeyStore trust = emptyStore();
    trust.setCertificateEntry(SwitchCredentials.CA_ALIAS, ca.certificate());
    write(
        directory,
        SwitchCredentials.TRUST_STORE,
        trust,
        newPassword(secrets, SwitchCredentials.TRUST_STORE, random));
    writeIdentity(
        directory,
        SwitchCredentials.SERVER_STORE,
        SwitchCredentials.SERVER_ALIAS,
        server,
        secrets,
        random);
    writeIdentity(
        directory,
        SwitchCredentials.CLIENT_STORE,
        SwitchCredentials.CLIENT_ALIAS,
        client,
        secrets,
        random);
    writeIdentity(
        directory,
        SwitchCredentials.ROGUE_STORE,
        SwitchCredentials.ROGUE_ALIAS,
        rogue,
        secrets,
        random);

    String zonePassword = newPassword(secrets, SwitchCredentials.ZONE_KEY_STORE, random);
    KeyStore zone = emptyStore();
    addTdesKey(zone, SwitchCredentials.PIN_KEY_ALIAS, zonePassword, random);
    addTdesKey(zone, SwitchCredentials.MAC_KEY_ALIAS, zonePassword, random);
    addAesKey(
        zone,
        SwitchCredentials.AES_PIN_KEY_ALIAS,
        AES_PIN_KEY_LENGTH,
        zonePassword.toCharArray(),
        random);
    addAesKey(
        zone,
        SwitchCredentials.STORAGE_KEY_ALIAS,
        STORAGE_KEY_LENGTH,
        zonePassword.toCharArray(),
        random);
    write(directory, SwitchCredentials.ZONE_KEY_STORE, zone, zonePassword);

    // Written last: its presence marks a complete folder.
    try (Writer out =
        Files.newBufferedWriter(
            createPrivateFile(directory.resolve(SwitchCredentials.SECRETS)),
            StandardCharsets.ISO_8859_1)) {
      secrets.store(out, "Passwords of the demo switch-link key stores. Keep this file private.");
    }
  }

  private static void writeIdentity(
      Path directory,
      String file,
      String alias,
      IssuedIdentity identity,
      Properties secrets,
      SecureRandom random)
      throws IOException, GeneralSecurityException {
    String password = newPassword(secrets, file, random);
    KeyStore store = emptyStore();
    store.setKeyEntry(
        alias,
        identity.keys().getPrivate(),
        password.toCharArray(),
        new Certificate[] {identity.certificate(), identity.issuer()});
    write(directory, file, store, password);
  }

  private static void write(Path directory, String file, KeyStore store, String password)
      throws IOException, GeneralSecurityException {
    char[] chars = password.toCharArray();
    try (OutputStream out = Files.newOutputStream(createPrivateFile(directory.resolve(file)))) {
      store.store(new BCFKSStoreParameter(out, STORE_KEY_DERIVATION, chars));
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  private static void addTdesKey(KeyStore store, String alias, String password, SecureRandom random)
      throws GeneralSecurityException {
    byte[] key = new byte[TDES_DOUBLE_LENGTH];
    random.nextBytes(key);
    DESedeParameters.setOddParity(key);
    try {
      store.setEntry(
          alias,
          new KeyStore.SecretKeyEntry(new SecretKeySpec(key, "DESede")),
          new KeyStore.PasswordProtection(password.toCharArray()));
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static void addAesKey(
      KeyStore store, String alias, int length, char[] password, SecureRandom random)
      throws GeneralSecurityException {
    byte[] key = new byte[length];
    random.nextBytes(key);
    try {
      store.setEntry(
          alias,
          new KeyStore.SecretKeyEntry(new SecretKeySpec(key, "AES")),
          new KeyStore.PasswordProtection(password));
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(SwitchCredentials.KEY_STORE_TYPE, BouncyCastle.crypto());
    store.load(null, null);
    return store;
  }

  private static Path createPrivateFile(Path path) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return Files.createFile(
          path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return Files.createFile(path);
  }

  /** A fresh random password for {@code file}, remembered in {@code secrets}. */
  private static String newPassword(Properties secrets, String file, SecureRandom random) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    secrets.setProperty(SwitchCredentials.passwordKey(file), password);
    return password;
  }
}
