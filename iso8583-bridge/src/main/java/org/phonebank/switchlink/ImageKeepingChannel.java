// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.io.IOException;
import java.net.Socket;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOPackager;
import org.jpos.iso.channel.NACChannel;

/**
 * A {@link NACChannel} that keeps each received message's packed image (MTI, bitmaps, fields; no
 * length, no TPDU), so a MAC is checked over the bytes that actually arrived rather than over a
 * re-packed copy.
 */
final class ImageKeepingChannel extends NACChannel {

  ImageKeepingChannel() {
    super();
  }

  ImageKeepingChannel(String host, int port, ISOPackager packager) {
    super(host, port, packager, null);
  }

  /**
   * Sends every message at once (TCP_NODELAY) on both ends of the link. jPOS 2.1.10 leaves Nagle's
   * algorithm on ({@code BaseChannel.connect(Socket)} sets timeouts, keep-alive and linger, never
   * TCP_NODELAY), so on a link that carries several requests at once a small frame written while
   * the one before is still unacknowledged waits for the peer's delayed ACK, up to 40 ms on Linux
   * (docs/decisions.md).
   */
  @Override
  protected void connect(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    super.connect(socket);
  }

  @Override
  protected ISOMsg createMsg() {
    return new ReceivedMessage();
  }

  @Override
  protected void unpack(ISOMsg m, byte[] b) throws ISOException {
    super.unpack(m, b);
    if (m instanceof ReceivedMessage received) {
      received.keepImage(b);
    }
  }

  /** An incoming message with the image it was unpacked from. */
  static final class ReceivedMessage extends ISOMsg {

    private static final long serialVersionUID = 1L;
    private transient byte[] image;

    void keepImage(byte[] packed) {
      image = packed.clone();
    }

    byte[] image() {
      return image == null ? null : image.clone();
    }
  }
}
