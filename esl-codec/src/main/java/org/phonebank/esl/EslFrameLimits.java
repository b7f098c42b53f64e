// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

/**
 * Hard limits a decoder holds a peer to, so that a broken or hostile peer cannot make it buffer
 * without end. The defaults leave ample room for real traffic: a {@code connect} reply carries
 * about 160 headers, the longest line seen is under 500 bytes and event bodies run to about 10 KiB.
 *
 * @param maxLineLength longest header line, without its line feed (16 KiB)
 * @param maxHeaders most header lines in one frame or command (1,024)
 * @param maxHeaderBytes most bytes of header lines in one frame or command (256 KiB)
 * @param maxContentLength largest body a Content-Length may announce (1 MiB)
 */
public record EslFrameLimits(
    int maxLineLength, int maxHeaders, int maxHeaderBytes, int maxContentLength) {

  public EslFrameLimits {
    if (maxLineLength < 64
        || maxHeaders < 1
        || maxHeaderBytes < maxLineLength
        || maxContentLength < 0) {
      throw new IllegalArgumentException(
          "Limits must satisfy line >= 64, headers >= 1, header bytes >= line, content length >="
              + " 0.");
    }
  }

  public static EslFrameLimits defaults() {
    return new EslFrameLimits(16 * 1024, 1024, 256 * 1024, 1024 * 1024);
  }

  /**
   * For the first frame of an outbound session, the {@code connect} reply: channel data as headers
   * (about 160 of them, some kilobytes) and no body. A peer that has not yet shown it is FreeSWITCH
   * gets 64 KiB at most, so a thousand such connections hold at most 64 MiB.
   */
  public static EslFrameLimits connectReply() {
    return new EslFrameLimits(16 * 1024, 1024, 64 * 1024, 0);
  }
}
