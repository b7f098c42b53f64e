// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt.espeak;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The text a synthesised WAV file says, kept in the file itself as a RIFF {@code LIST/INFO} chunk
 * with an {@code INAM} entry (UTF-8, NUL-terminated, padded to even length), the place RIFF gives a
 * file's title. Players ignore it; the phone simulator prints it as what the caller heard.
 *
 * <pre>
 * ... "data" chunk ... | "LIST" size "INFO" "INAM" size "مصطفی کریمی\0" [pad]
 * </pre>
 */
public final class WavText {

  private static final int RIFF = 0x46464952;
  private static final int WAVE = 0x45564157;
  private static final int LIST = 0x5453494c;
  private static final int INFO = 0x4f464e49;
  private static final int INAM = 0x4d414e49;

  private WavText() {}

  /** Appends the text chunk to {@code wav} and corrects the RIFF length. */
  public static void write(Path wav, String text) throws IOException {
    byte[] file = Files.readAllBytes(wav);
    ByteBuffer header = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    if (file.length < 12 || header.getInt(0) != RIFF || header.getInt(8) != WAVE) {
      throw new IOException("Not a RIFF/WAVE file: " + wav.getFileName());
    }
    byte[] words = (text + "\0").getBytes(StandardCharsets.UTF_8);
    int padded = words.length + (words.length & 1);
    int listSize = 4 + 8 + padded;
    ByteBuffer out =
        ByteBuffer.allocate(file.length + (file.length & 1) + 8 + listSize)
            .order(ByteOrder.LITTLE_ENDIAN);
    out.put(file);
    if ((file.length & 1) == 1) {
      out.put((byte) 0);
    }
    out.putInt(LIST).putInt(listSize).putInt(INFO).putInt(INAM).putInt(words.length).put(words);
    out.putInt(4, out.capacity() - 8);
    Files.write(wav, out.array());
  }

  /** The text of {@code wav}'s INAM entry, if it has one. */
  public static Optional<String> read(Path wav) throws IOException {
    ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
    if (file.limit() < 12 || file.getInt(0) != RIFF || file.getInt(8) != WAVE) {
      return Optional.empty();
    }
    int position = 12;
    while (position + 8 <= file.limit()) {
      int id = file.getInt(position);
      long size = Integer.toUnsignedLong(file.getInt(position + 4));
      int body = position + 8;
      if (id == LIST && body + 4 <= file.limit() && file.getInt(body) == INFO) {
        int entry = body + 4;
        long end = Math.min(file.limit(), body + size);
        while (entry + 8 <= end) {
          int entryId = file.getInt(entry);
          int entrySize = file.getInt(entry + 4);
          if (entrySize < 0 || entry + 8 + entrySize > end) {
            break;
          }
          if (entryId == INAM) {
            String text = new String(file.array(), entry + 8, entrySize, StandardCharsets.UTF_8);
            int nul = text.indexOf('\0');
            return Optional.of(nul >= 0 ? text.substring(0, nul) : text);
          }
          entry += 8 + entrySize + (entrySize & 1);
        }
      }
      position = (int) Math.min(file.limit(), body + size + (size & 1));
    }
    return Optional.empty();
  }
}
