// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCredentialsTest {

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
}
