// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EslUrlCodingTest {

  @Test
  void plusIsEncodedAndNeverReadAsASpace() {
    assertEquals("%2BOK%0A", EslUrlCoding.encode("+OK\n"));
    assertEquals("+OK\n", EslUrlCoding.decode("%2BOK%0A"));
    assertEquals("+OK", EslUrlCoding.decode("+OK"));
  }

  @Test
  void unsafeCharactersAreEncodedAndPathCharactersAreNot() {
    assertEquals(
        "sofia/internal/1001%40172.16.50.134",
        EslUrlCoding.encode("sofia/internal/1001@172.16.50.134"));
    assertEquals("FILE%20PLAYED", EslUrlCoding.encode("FILE PLAYED"));
    assertEquals("%23%25%26%3A%3B%3C%3D%3E%3F", EslUrlCoding.encode("#%&:;<=>?"));
    assertEquals(
        "file_string%3A///a.wav!/b.wav", EslUrlCoding.encode("file_string:///a.wav!/b.wav"));
  }

  @Test
  void persianTextTravelsAsUtf8Escapes() {
    assertEquals("%D8%A8%D8%A7%D9%86%DA%A9", EslUrlCoding.encode("بانک"));
    assertEquals("بانک", EslUrlCoding.decode("%D8%A8%D8%A7%D9%86%DA%A9"));
  }

  @Test
  void percentWithoutTwoHexDigitsStaysAsItIs() {
    assertEquals(
        "tone_stream://%(10000,0,350,440)",
        EslUrlCoding.decode("tone_stream://%(10000,0,350,440)"));
    assertEquals("100%", EslUrlCoding.decode("100%"));
    assertEquals("%۱۲", EslUrlCoding.decode("%۱۲"));
  }
}
