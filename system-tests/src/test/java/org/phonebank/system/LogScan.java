// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Searches log files for secrets in clear: a whole card number, or a PIN standing alone as a
 * number.
 */
final class LogScan {

  /**
   * A call's or a leg's UUID (FreeSWITCH's Unique-ID, the simulator's): minted at random, so one
   * group of it now and then holds a demo PIN's digits between hyphens. Not collected digits: the
   * scan reads a line with its UUIDs blanked out.
   */
  private static final Pattern UUID =
      Pattern.compile(
          "(?i)(?<![0-9a-z])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-z])");

  private final List<Pattern> secrets = new ArrayList<>();
  private int filesRead;

  LogScan cardNumbers(Collection<String> cards) {
    for (String card : cards) {
      secrets.add(Pattern.compile("(?<![0-9])" + card + "(?![0-9])"));
    }
    return this;
  }

  LogScan pins(Collection<String> pins) {
    for (String pin : pins) {
      // A PIN is a short number: only a standalone token counts, so a timestamp or port holding the
      // same
      // digits inside a longer number is not a false alarm.
      secrets.add(Pattern.compile("(?<![0-9A-Za-z])" + pin + "(?![0-9A-Za-z])"));
    }
    return this;
  }

  int filesRead() {
    return filesRead;
  }

  /** Every finding as "file:line: pattern", empty when the logs are clean. */
  List<String> findingsIn(Collection<Path> folders) throws IOException {
    List<String> findings = new ArrayList<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          scan(file, findings);
        }
      }
    }
    return findings;
  }

  private void scan(Path file, List<String> findings) throws IOException {
    filesRead++;
    byte[] bytes = Files.readAllBytes(file);
    String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = UUID.matcher(lines[i]).replaceAll("<uuid>");
      for (Pattern secret : secrets) {
        if (secret.matcher(line).find()) {
          findings.add(file + ":" + (i + 1) + ": matches " + secret.pattern());
        }
      }
    }
  }
}
