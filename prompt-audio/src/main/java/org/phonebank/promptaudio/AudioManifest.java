// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.promptaudio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code manifest.sha256} in the prompt folder: one line {@code <sha-256> <lang>/<name>.wav} per
 * file, the hash of the voice and text the file was spoken from. A file whose text (or voice) has
 * changed since no longer matches and is spoken again.
 */
final class AudioManifest {

  static final String FILE_NAME = "manifest.sha256";

  private final Path file;
  private final Map<String, String> hashes;

  private AudioManifest(Path file, Map<String, String> hashes) {
    this.file = file;
    this.hashes = new ConcurrentHashMap<>(hashes);
  }

  /** The manifest of {@code directory}, empty when there is none yet. */
  static AudioManifest in(Path directory) throws IOException {
    Path file = directory.resolve(FILE_NAME);
    Map<String, String> hashes = new TreeMap<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] parts = line.trim().split("\\s+", 2);
        if (parts.length == 2) {
          hashes.put(parts[1], parts[0]);
        }
      }
    }
    return new AudioManifest(file, hashes);
  }

  static String hashOf(String voice, String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(voice.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256.", e);
    }
  }

  boolean matches(String relativePath, String hash) {
    return hash.equals(hashes.get(relativePath));
  }

  void record(String relativePath, String hash) {
    hashes.put(relativePath, hash);
  }

  void forget(String relativePath) {
    hashes.remove(relativePath);
  }

  /** Writes the manifest in one move, so a crash leaves the old one or the new one. */
  void save() throws IOException {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(hashes)
        .forEach((path, hash) -> text.append(hash).append("  ").append(path).append('\n'));
    Path temporary = Files.createTempFile(file.getParent(), ".manifest-", ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
