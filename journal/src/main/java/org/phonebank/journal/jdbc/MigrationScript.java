// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned schema script ({@code V<version>__<description>.sql}) with the SHA-256 of its
 * bytes, which {@link SchemaMigrations} records so that a script edited after it was applied is
 * noticed.
 */
record MigrationScript(
    int version, String description, String fileName, String text, String checksum) {

  private static final Pattern NAME = Pattern.compile("V([1-9][0-9]*)__([A-Za-z0-9_]+)\\.sql");

  MigrationScript {
    Objects.requireNonNull(description, "Description is required.");
    Objects.requireNonNull(fileName, "File name is required.");
    Objects.requireNonNull(text, "Script text is required.");
    Objects.requireNonNull(checksum, "Checksum is required.");
    if (version < 1) {
      throw new IllegalArgumentException("A schema version starts at 1, was " + version + ".");
    }
  }

  /**
   * Reads {@code fileName} from the vendor's folder under {@code location} if it has one, else from
   * there.
   */
  static MigrationScript load(String location, String vendorFolder, String fileName) {
    Matcher name = NAME.matcher(fileName);
    if (!name.matches()) {
      throw new IllegalStateException(
          "Schema script " + fileName + " is not named V<version>__<description>.sql.");
    }
    byte[] bytes = read(location + "/" + vendorFolder + "/" + fileName);
    if (bytes == null) {
      bytes = read(location + "/" + fileName);
    }
    if (bytes == null) {
      throw new IllegalStateException(
          "Schema script " + fileName + " is listed but missing under " + location + ".");
    }
    return new MigrationScript(
        Integer.parseInt(name.group(1)),
        name.group(2).replace('_', ' '),
        fileName,
        new String(bytes, StandardCharsets.UTF_8),
        sha256(bytes));
  }

  /**
   * The statements of the script: {@code --} comment lines dropped, split at semicolons. Our
   * scripts hold no semicolon inside a literal, which keeps this splitter honest without a SQL
   * parser.
   */
  List<String> statements() {
    StringBuilder sql = new StringBuilder();
    for (String line : text.split("\\R")) {
      if (!line.strip().startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : sql.toString().split(";")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }

  static byte[] read(String resource) {
    try (InputStream in = MigrationScript.class.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + resource, e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256.", e);
    }
  }
}
