// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.mac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.Test;
import org.phonebank.switchlink.SwitchFraming;
import org.phonebank.switchlink.keys.ZoneKey;

class MessageMacTest {

  private static final byte[] ZAK = HexFormat.of().parseHex("0123456789ABCDEFFEDCBA9876543210");

  @Test
  void macIsTheRetailMacOfThePackedMessageWithoutItsLastEightBytes() throws Exception {
    ISOMsg m = financial();
    try (ZoneKey zak = ZoneKey.of(ZAK)) {
      MessageMac.sign(m, zak);
    }
    byte[] image = m.pack();

    assertEquals(64, MessageMac.macField(m));
    assertArrayEquals(Arrays.copyOfRange(image, image.length - 8, image.length), m.getBytes(64));
    assertArrayEquals(jdkRetailMac(Arrays.copyOf(image, image.length - 8)), m.getBytes(64));
  }

  @Test
  void messageWithASecondaryBitmapCarriesTheMacInField128() throws Exception {
    ISOMsg m = financial();
    m.setMTI("0420");
    m.set(90, "020000012303202045300000062735300000627353");
    try (ZoneKey zak = ZoneKey.of(ZAK)) {
      MessageMac.sign(m, zak);
      assertTrue(MessageMac.verify(m, zak));
    }
    byte[] image = m.pack();

    assertFalse(m.hasField(64));
    assertArrayEquals(jdkRetailMac(Arrays.copyOf(image, image.length - 8)), m.getBytes(128));
  }

  @Test
  void anyChangedFieldOrAMissingMacFailsTheCheck() throws Exception {
    try (ZoneKey zak = ZoneKey.of(ZAK)) {
      ISOMsg m = financial();
      MessageMac.sign(m, zak);
      assertTrue(MessageMac.verify(m, zak));

      m.set(4, "000000100001");
      assertFalse(MessageMac.verify(m, zak));

      ISOMsg unsigned = financial();
      assertFalse(MessageMac.verify(unsigned, zak));
    }
  }

  @Test
  void receivedImageIsWhatGetsChecked() throws Exception {
    try (ZoneKey zak = ZoneKey.of(ZAK);
        ZoneKey other = ZoneKey.of(HexFormat.of().parseHex("1123456789ABCDEFFEDCBA9876543210"))) {
      ISOMsg m = financial();
      MessageMac.sign(m, zak);

      assertFalse(MessageMac.verify(m, other));
      assertTrue(SwitchFraming.receivedImage(m).isEmpty());
    }
  }

  /**
   * ISO 9797-1 algorithm 3 with padding method 2, written with the JDK's DES (not Bouncy Castle's).
   */
  private static byte[] jdkRetailMac(byte[] data) throws Exception {
    int padded = (data.length / 8 + 1) * 8;
    byte[] input = Arrays.copyOf(data, padded);
    input[data.length] = (byte) 0x80;
    Cipher cbc = Cipher.getInstance("DES/CBC/NoPadding");
    cbc.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(Arrays.copyOf(ZAK, 8), "DES"),
        new IvParameterSpec(new byte[8]));
    byte[] chained = cbc.doFinal(input);
    byte[] last = Arrays.copyOfRange(chained, chained.length - 8, chained.length);
    Cipher ecb = Cipher.getInstance("DES/ECB/NoPadding");
    ecb.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(ZAK, 8, 16), "DES"));
    last = ecb.doFinal(last);
    ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOf(ZAK, 8), "DES"));
    return ecb.doFinal(last);
  }

  private static ISOMsg financial() throws Exception {
    ISOMsg m = new ISOMsg("0200");
    m.setPackager(SwitchFraming.packager());
    m.set(2, "6037991234567893");
    m.set(3, "400000");
    m.set(4, "000000100000");
    m.set(11, "000123");
    m.set(37, "000000000123");
    m.set(41, "IVR00001");
    return m;
  }
}
