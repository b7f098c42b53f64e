// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop;

import com.solab.iso8583.CustomBinaryField;
import com.solab.iso8583.IsoMessage;
import com.solab.iso8583.IsoType;
import com.solab.iso8583.IsoValue;
import com.solab.iso8583.MessageFactory;
import com.solab.iso8583.parse.FieldParseInfo;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The ISO 8583:1987 data elements the fixtures and the switch link use, described once and turned
 * into j8583 parse guides for either encoding: ASCII (numerics as digits, bitmap as hex, as jPOS's
 * ISO87A) or BCD (numerics packed two digits a byte, binary bitmap, as jPOS's ISO87B). Written from
 * the 1987 dictionary, not from jPOS's packager classes, so that the two codecs check each other.
 */
public final class Iso87Dictionary {

  /** How numerics, lengths and the bitmap are written. */
  public enum Encoding {
    ASCII,
    BCD
  }

  enum Kind {
    NUMERIC,
    LLNUM,
    CHAR,
    LLCHAR,
    LLLCHAR,
    BINARY,
    AMOUNT
  }

  record Element(Kind kind, int length) {}

  private static final Map<Integer, Element> ELEMENTS = new HashMap<>();
  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final List<Integer> MTIS =
      List.of(0x200, 0x210, 0x400, 0x410, 0x420, 0x430, 0x800, 0x810);

  static {
    define(Kind.LLNUM, 19, 2);
    define(Kind.NUMERIC, 6, 3);
    define(Kind.NUMERIC, 12, 4, 5, 6);
    define(Kind.NUMERIC, 10, 7);
    define(Kind.NUMERIC, 8, 8, 9, 10);
    define(Kind.NUMERIC, 6, 11, 12);
    define(Kind.NUMERIC, 4, 13, 14, 15, 16, 17, 18);
    define(Kind.NUMERIC, 3, 19, 20, 21, 22, 23, 24);
    define(Kind.NUMERIC, 2, 25, 26);
    define(Kind.NUMERIC, 1, 27);
    define(Kind.AMOUNT, 9, 28, 29, 30, 31);
    define(Kind.LLNUM, 11, 32, 33);
    define(Kind.LLCHAR, 28, 34);
    define(Kind.LLNUM, 37, 35);
    define(Kind.LLLCHAR, 104, 36);
    define(Kind.CHAR, 12, 37);
    define(Kind.CHAR, 6, 38);
    define(Kind.CHAR, 2, 39);
    define(Kind.CHAR, 3, 40);
    define(Kind.CHAR, 8, 41);
    define(Kind.CHAR, 15, 42);
    define(Kind.CHAR, 40, 43);
    define(Kind.LLCHAR, 25, 44);
    define(Kind.LLCHAR, 76, 45);
    define(Kind.LLLCHAR, 999, 46, 47, 48);
    define(Kind.CHAR, 3, 49, 50, 51);
    define(Kind.BINARY, 8, 52);
    define(Kind.NUMERIC, 16, 53);
    define(Kind.LLLCHAR, 120, 54);
    define(Kind.LLLCHAR, 999, 55, 56, 57, 58, 59, 60, 61, 62, 63);
    define(Kind.BINARY, 8, 64);
    define(Kind.NUMERIC, 3, 70);
    define(Kind.NUMERIC, 6, 73);
    define(Kind.NUMERIC, 42, 90);
    define(Kind.LLCHAR, 28, 103);
    define(Kind.BINARY, 8, 128);
  }

  private Iso87Dictionary() {}

  private static void define(Kind kind, int length, int... fields) {
    for (int field : fields) {
      ELEMENTS.put(field, new Element(kind, length));
    }
  }

  /**
   * A j8583 factory that parses and writes every known element in {@code encoding}; no ISO header.
   */
  public static MessageFactory<IsoMessage> factory(Encoding encoding) {
    MessageFactory<IsoMessage> factory = new MessageFactory<>();
    factory.setCharacterEncoding(StandardCharsets.ISO_8859_1.name());
    factory.setUseBinaryMessages(encoding == Encoding.BCD);
    Map<Integer, FieldParseInfo> guide = new HashMap<>();
    ELEMENTS.forEach(
        (field, element) -> {
          IsoType type = type(element, encoding);
          int length =
              switch (type) {
                case NUMERIC, ALPHA -> element.length();
                case BINARY -> binaryLength(element, encoding);
                default -> 0;
              };
          guide.put(
              field,
              FieldParseInfo.getInstance(type, length, StandardCharsets.ISO_8859_1.name(), true));
          if (encoding == Encoding.BCD && element.kind() == Kind.AMOUNT) {
            factory.setCustomField(field, new SignedAmount());
          }
        });
    for (int mti : MTIS) {
      factory.setParseMap(mti, guide);
    }
    return factory;
  }

  /**
   * The field as text, as jPOS's {@code ISOMsg.getString} shows it: binary fields in upper-case
   * hex.
   */
  public static String text(IsoMessage message, int field) {
    IsoValue<Object> value = message.getField(field);
    if (value == null) {
      return null;
    }
    Object raw = value.getValue();
    Element element = ELEMENTS.get(field);
    if (raw instanceof byte[] bytes && value.getType() == IsoType.LLBCDBIN) {
      // The length counts digits; an odd count leaves a pad nibble at the end, and D stands for
      // '='.
      return HEX.formatHex(bytes).substring(0, value.getLength()).replace('D', '=');
    }
    if (raw instanceof byte[] bytes) {
      return HEX.formatHex(bytes);
    }
    if (raw instanceof Long || raw instanceof BigInteger) {
      String digits = raw.toString();
      return "0".repeat(Math.max(0, element.length() - digits.length())) + digits;
    }
    return raw.toString();
  }

  /** A value for {@code field} from its text (binary fields in hex), ready to set on a message. */
  public static IsoValue<?> value(int field, String text, Encoding encoding) {
    Element element = ELEMENTS.get(field);
    if (element == null) {
      throw new IllegalArgumentException("Field " + field + " is not in the dictionary.");
    }
    IsoType type = type(element, encoding);
    if (encoding == Encoding.BCD && element.kind() == Kind.LLNUM) {
      String nibbles = text.replace('=', 'D');
      return new IsoValue<>(
          type,
          HexFormat.of().parseHex(nibbles.length() % 2 == 1 ? nibbles + "0" : nibbles),
          text.length());
    }
    if (encoding == Encoding.BCD && element.kind() == Kind.AMOUNT) {
      return new IsoValue<>(type, text, binaryLength(element, encoding), new SignedAmount());
    }
    return switch (type) {
      case BINARY ->
          new IsoValue<>(type, HexFormat.of().parseHex(text), binaryLength(element, encoding));
      case NUMERIC, ALPHA -> new IsoValue<>(type, text, element.length());
      default -> new IsoValue<>(type, text, text.length());
    };
  }

  /** The numbers of every element the dictionary knows. */
  public static boolean knows(int field) {
    return ELEMENTS.containsKey(field);
  }

  private static IsoType type(Element element, Encoding encoding) {
    return switch (element.kind()) {
      case NUMERIC -> IsoType.NUMERIC;
      case CHAR -> IsoType.ALPHA;
      case LLCHAR -> IsoType.LLVAR;
      case LLLCHAR -> IsoType.LLLVAR;
      case BINARY -> IsoType.BINARY;
      case LLNUM -> encoding == Encoding.BCD ? IsoType.LLBCDBIN : IsoType.LLVAR;
      case AMOUNT -> encoding == Encoding.BCD ? IsoType.BINARY : IsoType.ALPHA;
    };
  }

  private static int binaryLength(Element element, Encoding encoding) {
    if (element.kind() == Kind.AMOUNT) {
      // One sign character, then the digits in BCD.
      return 1 + (element.length() - 1 + 1) / 2;
    }
    return element.length();
  }

  /**
   * An amount with a sign: one character ({@code C}, {@code D}, or a digit in test data), then BCD
   * digits.
   */
  static final class SignedAmount implements CustomBinaryField<String> {

    @Override
    public String decodeBinaryField(byte[] value, int offset, int length) {
      return (char) (value[offset] & 0xFF) + HEX.formatHex(value, offset + 1, offset + length);
    }

    @Override
    public byte[] encodeBinaryField(String value) {
      byte[] digits = HexFormat.of().parseHex(value.substring(1));
      byte[] out = new byte[digits.length + 1];
      out[0] = (byte) value.charAt(0);
      System.arraycopy(digits, 0, out, 1, digits.length);
      return out;
    }

    @Override
    public String decodeField(String hex) {
      byte[] bytes = HexFormat.of().parseHex(hex);
      return decodeBinaryField(bytes, 0, bytes.length);
    }

    @Override
    public String encodeField(String value) {
      return value;
    }
  }
}
