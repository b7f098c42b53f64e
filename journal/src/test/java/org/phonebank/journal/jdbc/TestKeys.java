// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.util.HexFormat;

/** Test secrets: never a bank's. */
final class TestKeys {

  static final byte[] FINGERPRINT =
      HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

  static final byte[] OTHER_FINGERPRINT =
      HexFormat.of().parseHex("f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f");

  private TestKeys() {}
}
