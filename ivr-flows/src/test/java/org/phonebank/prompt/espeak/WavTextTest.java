// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt.espeak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavTextTest {

  @TempDir Path dir;

  /** A RIFF/WAVE file with an empty fmt chunk and {@code samples} bytes of data. */
  private Path wav(int samples) throws IOException {
    ByteBuffer file = ByteBuffer.allocate(12 + 8 + 16 + 8 + samples).order(ByteOrder.LITTLE_ENDIAN);
    file.put("RIFF".getBytes()).putInt(file.capacity() - 8).put("WAVE".getBytes());
    file.put("fmt ".getBytes()).putInt(16).put(new byte[16]);
    file.put("data".getBytes()).putInt(samples).put(new byte[samples]);
    Path path = dir.resolve("spoken.wav");
    Files.write(path, file.array());
    return path;
  }

  @Test
  void theTextIsAppendedAsAnInfoChunkAndTheRiffLengthCorrected() throws IOException {
    Path wav = wav(3); // an odd data chunk: the LIST chunk must start on an even offset
    WavText.write(wav, "مصطفی کریمی");

    byte[] bytes = Files.readAllBytes(wav);
    ByteBuffer file = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(bytes.length - 8, file.getInt(4));
    assertEquals(0, bytes.length % 2);
    assertEquals(Optional.of("مصطفی کریمی"), WavText.read(wav));
  }

  @Test
  void aFileWithoutTextHasNoneAndANonWaveFileIsRefused() throws IOException {
    assertEquals(Optional.empty(), WavText.read(wav(4)));
    Path text = Files.writeString(dir.resolve("not.wav"), "hello");
    assertThrows(IOException.class, () -> WavText.write(text, "x"));
    assertEquals(Optional.empty(), WavText.read(text));
  }
}
