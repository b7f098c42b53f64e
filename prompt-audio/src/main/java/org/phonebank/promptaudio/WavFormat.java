// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.promptaudio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The format of a RIFF/WAVE file, read from its {@code fmt } and {@code data} chunks.
 *
 * @param encoding 1 for PCM
 * @param dataBytes length of the sample data
 */
record WavFormat(int encoding, int channels, int sampleRate, int bitsPerSample, long dataBytes) {

  /** What FreeSWITCH plays without transcoding on a narrow-band call. */
  static final WavFormat TELEPHONY = new WavFormat(1, 1, 8000, 16, 0);

  boolean sameFormatAs(WavFormat other) {
    return encoding == other.encoding
        && channels == other.channels
        && sampleRate == other.sampleRate
        && bitsPerSample == other.bitsPerSample;
  }

  double seconds() {
    return (double) dataBytes / (sampleRate * channels * (bitsPerSample / 8));
  }

  static WavFormat of(Path wav) throws IOException {
    ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
    if (file.remaining() < 12 || file.getInt(0) != 0x46464952 || file.getInt(8) != 0x45564157) {
      throw new IOException("Not a RIFF/WAVE file: " + wav);
    }
    int position = 12;
    WavFormat format = null;
    while (position + 8 <= file.limit()) {
      int id = file.getInt(position);
      long size = Integer.toUnsignedLong(file.getInt(position + 4));
      int body = position + 8;
      if (id == 0x20746d66 && body + 16 <= file.limit()) { // "fmt "
        format =
            new WavFormat(
                Short.toUnsignedInt(file.getShort(body)),
                Short.toUnsignedInt(file.getShort(body + 2)),
                file.getInt(body + 4),
                Short.toUnsignedInt(file.getShort(body + 14)),
                0);
      } else if (id == 0x61746164 && format != null) { // "data"
        long available = Math.min(size, file.limit() - body);
        return new WavFormat(
            format.encoding, format.channels, format.sampleRate, format.bitsPerSample, available);
      }
      position = (int) Math.min(file.limit(), body + size + (size & 1));
    }
    throw new IOException("WAVE file without fmt and data chunks: " + wav);
  }
}
