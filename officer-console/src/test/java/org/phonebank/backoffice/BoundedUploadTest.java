// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.backoffice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BoundedUploadTest {

  @Test
  void aFileUpToTheLimitIsReadWhole() throws Exception {
    byte[] ten = "H|PBSTL1|\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertArrayEquals(ten, BoundedUpload.read(new ByteArrayInputStream(ten), 10));
  }

  @Test
  void aFileOverTheLimitIsRefusedAfterReadingOneByteMoreAndNoFurther() {
    AtomicLong read = new AtomicLong();
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            read.incrementAndGet();
            return 'x';
          }
        };
    BoundedUpload.TooLarge refused =
        assertThrows(BoundedUpload.TooLarge.class, () -> BoundedUpload.read(endless, 1_000));
    assertEquals("A settlement file is at most 1000 bytes.", refused.getMessage());
    assertEquals(1_001, read.get());
  }
}
