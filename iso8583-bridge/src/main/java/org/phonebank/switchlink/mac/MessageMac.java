// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.mac;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.Mac;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.phonebank.switchlink.SwitchFraming;
import org.phonebank.switchlink.keys.ZoneKey;

/**
 * The MAC of the switch link, the rule both sides follow (docs/switch-message-spec.md, "MAC"): ISO
 * 9797-1 MAC algorithm 3 with padding method 2 under the double-length ZAK, over the packed message
 * (MTI, bitmaps, fields; no length header, no TPDU) with the MAC field present, minus its final 8
 * bytes. The MAC goes in field 64, or in field 128 when the message has a secondary bitmap (any
 * field above 64).
 *
 * <p>Example: an 0200 with fields 2…49 gets field 64; an 0420 (field 90) or a transfer (field 103)
 * gets 128.
 */
public final class MessageMac {

  public static final int LENGTH = 8;
  public static final int PRIMARY_MAC = 64;
  public static final int SECONDARY_MAC = 128;

  private MessageMac() {}

  /** The MAC field {@code m} uses: 128 when any field above 64 is present, else 64. */
  public static int macField(ISOMsg m) {
    for (int i = PRIMARY_MAC + 1; i <= m.getMaxField(); i++) {
      if (i != SECONDARY_MAC && m.hasField(i)) {
        return SECONDARY_MAC;
      }
    }
    return PRIMARY_MAC;
  }

  /** The retail MAC over {@code data}, i.e. over a packed message without its last 8 bytes. */
  public static byte[] compute(byte[] data, int length, ZoneKey zak) {
    Mac mac = zak.retailMac();
    mac.update(data, 0, length);
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return out;
  }

  /**
   * Sets the MAC field of {@code m}: the other MAC field is removed, the right one filled with 8
   * zero bytes, the message packed, and the MAC computed over all but the last 8 bytes of that
   * image.
   */
  public static void sign(ISOMsg m, ZoneKey zak) {
    Objects.requireNonNull(m, "Message is required.");
    Objects.requireNonNull(zak, "MAC key is required.");
    try {
      m.unset(PRIMARY_MAC);
      m.unset(SECONDARY_MAC);
      int field = macField(m);
      m.set(field, new byte[LENGTH]);
      byte[] image = packed(m);
      m.set(field, compute(image, image.length - LENGTH, zak));
    } catch (ISOException e) {
      throw new IllegalArgumentException("Cannot pack the message to MAC it.", e);
    }
  }

  private static byte[] packed(ISOMsg m) throws ISOException {
    if (m.getPackager() == null) {
      m.setPackager(SwitchFraming.packager());
    }
    return m.pack();
  }

  /**
   * True when {@code m} carries a MAC in the field its bitmap calls for and the MAC matches. A
   * received message is checked over the image it arrived as; one built locally is packed first.
   */
  public static boolean verify(ISOMsg m, ZoneKey zak) {
    Objects.requireNonNull(m, "Message is required.");
    Objects.requireNonNull(zak, "MAC key is required.");
    int field = macField(m);
    int other = field == PRIMARY_MAC ? SECONDARY_MAC : PRIMARY_MAC;
    byte[] carried = m.getBytes(field);
    if (carried == null || carried.length != LENGTH || m.hasField(other)) {
      return false;
    }
    byte[] image;
    try {
      image = SwitchFraming.receivedImage(m).orElse(null);
      if (image == null) {
        image = packed(m);
      }
    } catch (ISOException e) {
      return false;
    }
    if (image.length < LENGTH) {
      return false;
    }
    byte[] last = Arrays.copyOfRange(image, image.length - LENGTH, image.length);
    byte[] expected = compute(image, image.length - LENGTH, zak);
    // The image must end with the carried MAC (the MAC field is the last field), and it must be the
    // right one.
    return MessageDigest.isEqual(last, carried) && MessageDigest.isEqual(expected, carried);
  }
}
