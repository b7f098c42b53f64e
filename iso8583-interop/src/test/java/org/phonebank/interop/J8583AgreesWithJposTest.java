// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.solab.iso8583.IsoMessage;
import com.solab.iso8583.MessageFactory;
import java.util.Map;
import java.util.TreeMap;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOPackager;
import org.jpos.iso.packager.ISO87APackager;
import org.jpos.iso.packager.ISO87BPackager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.phonebank.interop.Iso87Dictionary.Encoding;

/**
 * A second, independent codec reads the same images: j8583 set up from the 1987 dictionary must
 * find the same fields with the same values as jPOS, and writing those values back with j8583 must
 * give the same bytes.
 */
class J8583AgreesWithJposTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jpos-iso87a-0800-allfields",
        "moov-0200-financial-request",
        "moov-0210-financial-response",
        "moov-0800-network-management",
        "moov-0810-network-management-response"
      })
  void asciiImagesDecodeAlikeAndReencodeIdentically(String image) throws Exception {
    agree(image, new ISO87APackager(), Encoding.ASCII);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jpos-iso87b-0800-allfields"})
  void bcdImageDecodesAlikeAndReencodesIdentically(String image) throws Exception {
    agree(image, new ISO87BPackager(), Encoding.BCD);
  }

  private static void agree(String image, ISOPackager packager, Encoding encoding)
      throws Exception {
    byte[] bytes = Fixtures.image(image);
    ISOMsg jpos = new ISOMsg();
    packager.unpack(jpos, bytes);
    Map<Integer, String> byJpos = JposGoldenImagesTest.fields(jpos);

    MessageFactory<IsoMessage> factory = Iso87Dictionary.factory(encoding);
    IsoMessage j8583 = factory.parseMessage(bytes, 0);
    Map<Integer, String> byJ8583 = new TreeMap<>();
    byJ8583.put(0, String.format("%04x", j8583.getType()));
    for (int i = 2; i <= 128; i++) {
      if (j8583.hasField(i)) {
        byJ8583.put(i, Iso87Dictionary.text(j8583, i));
      }
    }

    assertEquals(byJpos, byJ8583, "fields of " + image);

    IsoMessage rewritten = factory.newMessage(j8583.getType());
    byJ8583.forEach(
        (field, text) -> {
          if (field >= 2) {
            assertTrue(Iso87Dictionary.knows(field));
            rewritten.setField(field, Iso87Dictionary.value(field, text, encoding));
          }
        });
    assertArrayEquals(bytes, rewritten.writeData(), "j8583 re-encoding of " + image);
  }
}
