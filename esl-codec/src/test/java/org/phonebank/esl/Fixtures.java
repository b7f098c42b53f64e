// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared FreeSWITCH captures, found through the {@code fixtures.dir} property surefire sets.
 */
final class Fixtures {

  private Fixtures() {}

  static Path eslDirectory() {
    String root = System.getProperty("fixtures.dir");
    if (root == null || root.isBlank()) {
      fail(
          "System property fixtures.dir is not set; run the tests through Maven (surefire sets"
              + " it).");
    }
    Path esl = Path.of(root, "esl");
    if (!Files.isDirectory(esl)) {
      fail("ESL fixtures are missing: " + esl.toAbsolutePath().normalize());
    }
    return esl;
  }

  /** Every capture file, README excluded, sorted by name. */
  static List<Path> all() {
    try (Stream<Path> files = Files.list(eslDirectory())) {
      return files.filter(file -> file.getFileName().toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] read(String name) {
    return read(eslDirectory().resolve(name));
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isStream(Path file) {
    return file.getFileName().toString().endsWith(".stream.txt");
  }

  static boolean isBodyOnly(Path file) {
    return file.getFileName().toString().endsWith(".body.txt");
  }
}
