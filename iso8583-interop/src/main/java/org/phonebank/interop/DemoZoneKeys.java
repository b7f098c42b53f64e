// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Properties;
import org.phonebank.switchlink.keys.BouncyCastle;
import org.phonebank.switchlink.keys.SwitchCredentials;

/**
 * The raw zone keys of a demo credentials folder, read straight from its BCFKS store, for the test
 * peer and the benchmark's bare client: they play the switch's (or another client's) side and must
 * not borrow the bridge's key handling. Callers wipe what they get. Demo folders only: never point
 * this at a production key store.
 */
public final class DemoZoneKeys {

  private DemoZoneKeys() {}

  /** The zone MAC key (ZAK), 16 bytes. */
  public static byte[] mac(Path credentials) {
    return key(credentials, SwitchCredentials.MAC_KEY_ALIAS);
  }

  /** The zone PIN key (ZPK), 16 bytes. */
  public static byte[] pin(Path credentials) {
    return key(credentials, SwitchCredentials.PIN_KEY_ALIAS);
  }

  private static byte[] key(Path credentials, String alias) {
    Properties secrets = new Properties();
    try (InputStream in = Files.newInputStream(credentials.resolve(SwitchCredentials.SECRETS))) {
      secrets.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String password = secrets.getProperty(SwitchCredentials.ZONE_KEY_STORE + ".password");
    if (password == null) {
      throw new IllegalStateException("No zone key store password in " + credentials + ".");
    }
    try (InputStream in =
        Files.newInputStream(credentials.resolve(SwitchCredentials.ZONE_KEY_STORE))) {
      KeyStore store = KeyStore.getInstance("BCFKS", BouncyCastle.crypto());
      store.load(in, password.toCharArray());
      Key key = store.getKey(alias, password.toCharArray());
      if (key == null) {
        throw new IllegalStateException("No key '" + alias + "' in " + credentials + ".");
      }
      return key.getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot read key '" + alias + "' from " + credentials + ".", e);
    }
  }
}
