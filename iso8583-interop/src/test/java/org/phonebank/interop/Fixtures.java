// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The shared ISO 8583:1987 fixtures ({@code fixtures.dir}/iso8583): raw images and their field
 * listings. Values are kept exactly as listed, trailing spaces included; binary fields are
 * upper-case hex.
 */
final class Fixtures {

  /** One listed field: {@code " 42 | NAME | IF_CHAR 15 | [0800411 ]"}. */
  private static final Pattern LISTED = Pattern.compile("^\\s*(\\d+) \\|.*\\| \\[(.*)\\]$");

  private Fixtures() {}

  static Path folder() {
    String dir = System.getProperty("fixtures.dir");
    if (dir == null) {
      throw new IllegalStateException(
          "System property fixtures.dir is not set (surefire sets it).");
    }
    Path folder = Path.of(dir, "iso8583");
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException("No ISO 8583 fixtures at " + folder + ".");
    }
    return folder;
  }

  static byte[] image(String name) throws IOException {
    return Files.readAllBytes(folder().resolve(name + ".bin"));
  }

  /**
   * The decoded listing of a {@code .fields.txt}, field number to value; field 1 is the bitmap in
   * hex.
   */
  static Map<Integer, String> listedFields(String name) throws IOException {
    Map<Integer, String> fields = new LinkedHashMap<>();
    for (String line :
        Files.readAllLines(folder().resolve(name + ".fields.txt"), StandardCharsets.UTF_8)) {
      Matcher m = LISTED.matcher(line);
      if (m.matches()) {
        fields.put(Integer.parseInt(m.group(1)), m.group(2));
      }
    }
    if (fields.isEmpty()) {
      throw new IllegalStateException(name + ".fields.txt lists no fields.");
    }
    return fields;
  }

  /**
   * The fields of a jPOS {@code .isomsg.xml}, with the ids of the binary ones in {@code binary}.
   */
  static Map<Integer, String> isoMsgXml(String name, Set<Integer> binary) throws Exception {
    Map<Integer, String> fields = new LinkedHashMap<>();
    DocumentBuilderFactory documents = DocumentBuilderFactory.newInstance();
    documents.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (InputStream in = Files.newInputStream(folder().resolve(name + ".isomsg.xml"))) {
      NodeList list = documents.newDocumentBuilder().parse(in).getElementsByTagName("field");
      for (int i = 0; i < list.getLength(); i++) {
        Element field = (Element) list.item(i);
        int id = Integer.parseInt(field.getAttribute("id"));
        fields.put(id, field.getAttribute("value"));
        if ("binary".equals(field.getAttribute("type"))) {
          binary.add(id);
        }
      }
    }
    return fields;
  }
}
