// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.keys;

import java.security.KeyStore;
import java.util.Objects;

/**
 * A private key and its certificate chain in a BCFKS key store, with the password that opens it.
 */
public final class TlsIdentity {

  private final String name;
  private final KeyStore keyStore;
  private final char[] password;

  public TlsIdentity(String name, KeyStore keyStore, char[] password) {
    this.name = Objects.requireNonNull(name, "Identity name is required.");
    this.keyStore = Objects.requireNonNull(keyStore, "Key store is required.");
    this.password = Objects.requireNonNull(password, "Key store password is required.").clone();
  }

  public String name() {
    return name;
  }

  public KeyStore keyStore() {
    return keyStore;
  }

  /** A copy of the key password, for a key manager factory; the caller wipes it. */
  public char[] password() {
    return password.clone();
  }

  @Override
  public String toString() {
    return "TlsIdentity[" + name + "]";
  }
}
