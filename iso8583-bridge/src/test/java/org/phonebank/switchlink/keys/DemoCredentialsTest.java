// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.bc.ObjectStore;
import org.bouncycastle.asn1.bc.PbkdMacIntegrityCheck;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo folder DemoCredentials writes, and how SwitchCredentials reads it and a bank's. */
class DemoCredentialsTest {

  /** What BCFKS derives a store's keys with when nothing else is asked for. */
  private static final int BCFKS_DEFAULT_ITERATIONS = 51_200;

  @TempDir static Path folder;

  @BeforeAll
  static void generate() {
    assertTrue(DemoCredentials.generateIfMissing(folder));
  }

  @Test
  void secondRunLeavesExistingCredentialsUntouched() throws Exception {
    byte[] zoneKeys = Files.readAllBytes(folder.resolve(SwitchCredentials.ZONE_KEY_STORE));

    assertFalse(DemoCredentials.generateIfMissing(folder));
    assertArrayEquals(
        zoneKeys, Files.readAllBytes(folder.resolve(SwitchCredentials.ZONE_KEY_STORE)));
  }

  @Test
  void secretsFileIsReadableByItsOwnerOnly() throws Exception {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(
              Files.getPosixFilePermissions(folder.resolve(SwitchCredentials.SECRETS))));
    }
  }

  @Test
  void pinAndMacKeysAreDistinctDoubleLengthKeys() {
    SwitchCredentials credentials = SwitchCredentials.load(folder);
    try (ZoneKey zpk = credentials.pinKey();
        ZoneKey zak = credentials.macKey()) {
      assertNotEquals(zpk.checkValue(), zak.checkValue());
      assertTrue(DemoCredentials.summary(credentials).contains(zpk.checkValue()));
    }
  }

  @Test
  void serverCertificateNamesLocalhostAndLoopbackAndChainsToTheTrustedCa() throws Exception {
    SwitchCredentials credentials = SwitchCredentials.load(folder);
    TlsIdentity server = credentials.server();
    X509Certificate leaf =
        (X509Certificate) server.keyStore().getCertificate(SwitchCredentials.SERVER_ALIAS);
    KeyStore trust = credentials.trustAnchors();
    X509Certificate ca = (X509Certificate) trust.getCertificate(SwitchCredentials.CA_ALIAS);

    List<String> names =
        leaf.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString()).toList();
    assertTrue(names.contains("localhost"));
    assertTrue(names.contains("127.0.0.1"));
    leaf.verify(ca.getPublicKey(), BouncyCastle.crypto());
  }

  @Test
  void rogueClientIsNotSignedByTheTrustedCa() throws Exception {
    SwitchCredentials credentials = SwitchCredentials.load(folder);
    X509Certificate rogue =
        (X509Certificate)
            credentials.rogueClient().keyStore().getCertificate(SwitchCredentials.ROGUE_ALIAS);
    X509Certificate ca =
        (X509Certificate) credentials.trustAnchors().getCertificate(SwitchCredentials.CA_ALIAS);

    assertThrows(Exception.class, () -> rogue.verify(ca.getPublicKey(), BouncyCastle.crypto()));
  }

  @Test
  void demoStoresAreGuardedByTheCheapStoreKeyDerivation() throws Exception {
    for (String file : SwitchCredentials.ALL_FILES) {
      if (!file.equals(SwitchCredentials.SECRETS)) {
        assertEquals(
            DemoCredentials.STORE_KEY_DERIVATION.getIterationCount(),
            storeIterations(folder.resolve(file)),
            file);
      }
    }
  }

  @Test
  void halfFilledFolderIsRefusedRatherThanOverwritten(@TempDir Path other) throws Exception {
    Files.writeString(other.resolve(SwitchCredentials.CLIENT_STORE), "not a key store");

    assertThrows(IllegalStateException.class, () -> DemoCredentials.generateIfMissing(other));
    assertEquals(
        "not a key store", Files.readString(other.resolve(SwitchCredentials.CLIENT_STORE)));
  }

  @Test
  void aesPinKeyAndStorageKeyAreGeneratedAndShownOnlyByCheckValue() {
    SwitchCredentials credentials = SwitchCredentials.load(folder);
    try (AesKey aesPin = credentials.aesPinKey();
        AesKey storage = credentials.storageKey()) {
      String summary = DemoCredentials.summary(credentials);

      assertTrue(summary.contains(aesPin.checkValue()));
      assertTrue(summary.contains(storage.checkValue()));
      assertTrue(aesPin.toString().contains("AES-128"));
      assertTrue(storage.toString().contains("AES-256"));
    }
  }

  @Test
  void folderFromBeforeTheAesKeysGetsThemAddedAndKeepsItsTdesKeys(@TempDir Path older)
      throws Exception {
    DemoCredentials.generateIfMissing(older);
    SwitchCredentials credentials = SwitchCredentials.load(older);
    String zpk = credentials.pinKey().checkValue();
    java.security.KeyStore zone = credentials.zoneStore();
    zone.deleteEntry(SwitchCredentials.AES_PIN_KEY_ALIAS);
    zone.deleteEntry(SwitchCredentials.STORAGE_KEY_ALIAS);
    try (java.io.OutputStream out =
        java.nio.file.Files.newOutputStream(older.resolve(SwitchCredentials.ZONE_KEY_STORE))) {
      zone.store(out, credentials.zoneStorePassword());
    }

    DemoCredentials.generateIfMissing(older);

    SwitchCredentials upgraded = SwitchCredentials.load(older);
    assertTrue(upgraded.hasZoneKey(SwitchCredentials.AES_PIN_KEY_ALIAS));
    assertTrue(upgraded.hasZoneKey(SwitchCredentials.STORAGE_KEY_ALIAS));
    assertEquals(zpk, upgraded.pinKey().checkValue());
  }

  @Test
  void eachStoreIsOpenedOnceAndSharedByItsCallers() {
    SwitchCredentials credentials = SwitchCredentials.load(folder);

    assertSame(credentials.trustAnchors(), credentials.trustAnchors());
    assertSame(credentials.client().keyStore(), credentials.client().keyStore());
    assertSame(credentials.server().keyStore(), credentials.server().keyStore());
  }

  @Test
  void zoneStoreCopyCanBeChangedWithoutTouchingTheKeysServed() throws Exception {
    SwitchCredentials credentials = SwitchCredentials.load(folder);
    String zpk = credentials.pinKey().checkValue();

    KeyStore copy = credentials.zoneStore();
    copy.deleteEntry(SwitchCredentials.PIN_KEY_ALIAS);

    assertNotSame(copy, credentials.zoneStore());
    assertEquals(zpk, credentials.pinKey().checkValue());
  }

  @Test
  void storesWrittenWithBouncyCastleDefaultsLoadUnchanged(@TempDir Path bank) throws Exception {
    // A zone key store and a trust store as a bank's own tooling writes them: BCFKS defaults.
    Files.copy(folder.resolve(SwitchCredentials.SECRETS), bank.resolve(SwitchCredentials.SECRETS));
    byte[] zpk = HexFormat.of().parseHex("0123456789ABCDEFFEDCBA9876543210");
    KeyStore zone = emptyStore();
    zone.setEntry(
        SwitchCredentials.PIN_KEY_ALIAS,
        new KeyStore.SecretKeyEntry(new SecretKeySpec(zpk, "DESede")),
        new KeyStore.PasswordProtection(password(SwitchCredentials.ZONE_KEY_STORE)));
    writeWithDefaults(zone, bank, SwitchCredentials.ZONE_KEY_STORE);
    Certificate ca =
        SwitchCredentials.load(folder).trustAnchors().getCertificate(SwitchCredentials.CA_ALIAS);
    KeyStore trust = emptyStore();
    trust.setCertificateEntry(SwitchCredentials.CA_ALIAS, ca);
    writeWithDefaults(trust, bank, SwitchCredentials.TRUST_STORE);

    SwitchCredentials credentials = SwitchCredentials.load(bank);

    try (ZoneKey expected = ZoneKey.of(zpk);
        ZoneKey read = credentials.pinKey()) {
      assertEquals(expected.checkValue(), read.checkValue());
    }
    assertEquals(ca, credentials.trustAnchors().getCertificate(SwitchCredentials.CA_ALIAS));
  }

  /** The iteration count of the key derivation that guards a whole BCFKS store. */
  private static int storeIterations(Path store) throws IOException {
    ObjectStore parsed = ObjectStore.getInstance(Files.readAllBytes(store));
    PbkdMacIntegrityCheck check =
        PbkdMacIntegrityCheck.getInstance(parsed.getIntegrityCheck().getIntegrityCheck());
    return PBKDF2Params.getInstance(check.getPbkdAlgorithm().getParameters())
        .getIterationCount()
        .intValue();
  }

  private static KeyStore emptyStore() throws Exception {
    KeyStore store = KeyStore.getInstance(SwitchCredentials.KEY_STORE_TYPE, BouncyCastle.crypto());
    store.load(null, null);
    return store;
  }

  private static void writeWithDefaults(KeyStore store, Path into, String file) throws Exception {
    try (OutputStream out = Files.newOutputStream(into.resolve(file))) {
      store.store(out, password(file));
    }
    assertEquals(BCFKS_DEFAULT_ITERATIONS, storeIterations(into.resolve(file)));
  }

  private static char[] password(String file) throws IOException {
    Properties secrets = new Properties();
    try (InputStream in = Files.newInputStream(folder.resolve(SwitchCredentials.SECRETS))) {
      secrets.load(in);
    }
    return secrets.getProperty(SwitchCredentials.passwordKey(file)).toCharArray();
  }
}
