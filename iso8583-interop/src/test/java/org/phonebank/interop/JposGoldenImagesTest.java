// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jpos.iso.ISOBinaryField;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOPackager;
import org.jpos.iso.packager.ISO87APackager;
import org.jpos.iso.packager.ISO87BPackager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.phonebank.switchlink.SwitchFraming;

/**
 * jPOS 2.1.10's 1987 packagers against stored images: unpacking gives exactly the listed values and
 * consumes every byte, and packing gives the image back byte for byte (jPOS's own PackagerTestCase,
 * re-run here on our pinned version, plus moov-io's sample messages as a second source).
 */
class JposGoldenImagesTest {

  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final String ALL_FIELDS_XML = "jpos-iso87-0800-allfields";

  @Test
  void iso87aUnpacksTheAllFieldsImageToTheListedValuesAndPacksItBack() throws Exception {
    String image = "jpos-iso87a-0800-allfields";
    Map<Integer, String> listed = Fixtures.listedFields(image);

    assertAsciiBitmap(image, listed.remove(1));
    roundTrip(image, new ISO87APackager(), listed);
  }

  @Test
  void iso87bUnpacksTheAllFieldsImageToTheIsoMsgValuesAndPacksItBack() throws Exception {
    Set<Integer> binary = new HashSet<>();
    Map<Integer, String> expected = Fixtures.isoMsgXml(ALL_FIELDS_XML, binary);
    roundTrip("jpos-iso87b-0800-allfields", new ISO87BPackager(), expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jpos-iso87a-0800-allfields", "jpos-iso87b-0800-allfields"})
  void packingTheIsoMsgValuesGivesTheStoredImage(String image) throws Exception {
    Set<Integer> binary = new HashSet<>();
    Map<Integer, String> values = Fixtures.isoMsgXml(ALL_FIELDS_XML, binary);
    ISOPackager packager = image.contains("iso87a") ? new ISO87APackager() : new ISO87BPackager();
    ISOMsg m = new ISOMsg();
    m.setPackager(packager);
    for (Map.Entry<Integer, String> field : values.entrySet()) {
      if (binary.contains(field.getKey())) {
        m.set(new ISOBinaryField(field.getKey(), HexFormat.of().parseHex(field.getValue())));
      } else {
        m.set(field.getKey(), field.getValue());
      }
    }

    assertArrayEquals(Fixtures.image(image), m.pack());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "moov-0200-financial-request",
        "moov-0210-financial-response",
        "moov-0800-network-management",
        "moov-0810-network-management-response"
      })
  void iso87aRoundTripsMoovsSampleMessages(String image) throws Exception {
    Map<Integer, String> listed = Fixtures.listedFields(image);

    assertAsciiBitmap(image, listed.remove(1));
    roundTrip(image, new ISO87APackager(), listed);
  }

  @Test
  void theSwitchLinksPackagerIsIso87b() throws Exception {
    byte[] bytes = Fixtures.image("jpos-iso87b-0800-allfields");
    ISOMsg m = new ISOMsg();
    ISOPackager link = SwitchFraming.packager();

    assertEquals(bytes.length, link.unpack(m, bytes));
    assertArrayEquals(bytes, link.pack(m));
  }

  /**
   * The ASCII bitmap follows the four MTI digits as hex characters, 16 or (with a secondary bitmap)
   * 32.
   */
  private static void assertAsciiBitmap(String image, String bitmap) throws Exception {
    byte[] bytes = Fixtures.image(image);
    assertEquals(
        bitmap,
        new String(bytes, 4, bitmap.length(), StandardCharsets.US_ASCII),
        "bitmap of " + image);
  }

  private static void roundTrip(String image, ISOPackager packager, Map<Integer, String> expected)
      throws Exception {
    byte[] bytes = Fixtures.image(image);
    ISOMsg m = new ISOMsg();
    m.setPackager(packager);

    int consumed = packager.unpack(m, bytes);

    assertEquals(bytes.length, consumed, "bytes consumed of " + image);
    Map<Integer, String> withoutBitmap = new TreeMap<>(expected);
    withoutBitmap.remove(1);
    assertEquals(withoutBitmap, fields(m), "fields of " + image);
    assertArrayEquals(bytes, packager.pack(m), "repacked " + image);
  }

  /** Every data element present (2..128 and the MTI), binary ones in upper-case hex. */
  static Map<Integer, String> fields(ISOMsg m) throws ISOException {
    Map<Integer, String> fields = new TreeMap<>();
    for (int i = 0; i <= 128; i++) {
      if (i != 1 && m.hasField(i)) {
        Object value = m.getValue(i);
        fields.put(i, value instanceof byte[] bytes ? HEX.formatHex(bytes) : (String) value);
      }
    }
    return fields;
  }
}
