// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ZoneKeyTest {

  private static final String KEY = "0123456789ABCDEFFEDCBA9876543210";

  @Test
  void checkValueIsTheFirstThreeBytesOfZerosEnciphered() throws Exception {
    HexFormat hex = HexFormat.of().withUpperCase();
    Cipher jdk = Cipher.getInstance("DESede/ECB/NoPadding", "SunJCE");
    jdk.init(
        Cipher.ENCRYPT_MODE, new SecretKeySpec(hex.parseHex(KEY + KEY.substring(0, 16)), "DESede"));
    String expected = hex.formatHex(jdk.doFinal(new byte[8])).substring(0, 6);

    try (ZoneKey key = ZoneKey.of(hex.parseHex(KEY))) {
      assertEquals(expected, key.checkValue());
    }
  }

  @Test
  void printsOnlyItsCheckValue() {
    try (ZoneKey key = ZoneKey.of(HexFormat.of().parseHex(KEY))) {
      String printed = key.toString();

      assertTrue(printed.contains(key.checkValue()));
      assertFalse(printed.toUpperCase().contains("0123456789ABCDEF"));
    }
  }

  @Test
  void singleLengthDesKeysAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ZoneKey.of(new byte[8]));
  }

  @Test
  void wipedKeyCannotEncipher() {
    ZoneKey key = ZoneKey.of(HexFormat.of().parseHex(KEY));
    key.close();

    assertThrows(IllegalStateException.class, () -> key.cipher(true));
  }
}
