// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.backoffice;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an uploaded file into memory, never more than the limit: one byte past it is enough to know
 * the file is too big, and the rest is not read.
 */
public final class BoundedUpload {

  private BoundedUpload() {}

  /** The upload is larger than the limit; nothing of it is kept. */
  public static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("A settlement file is at most " + limit + " bytes.");
    }
  }

  /**
   * All of {@code in}, when it holds at most {@code limit} bytes.
   *
   * @throws TooLarge when it holds more
   */
  public static byte[] read(InputStream in, long limit) throws IOException, TooLarge {
    int cap = (int) Math.min(Integer.MAX_VALUE - 8L, limit + 1);
    byte[] content = in.readNBytes(cap);
    if (content.length > limit) {
      throw new TooLarge(limit);
    }
    return content;
  }
}
