// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.util.Optional;
import org.jpos.iso.ISOClientSocketFactory;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOPackager;
import org.jpos.iso.channel.NACChannel;
import org.jpos.iso.packager.ISO87BPackager;
import org.jpos.util.Logger;

/**
 * How messages travel on the switch link, shared by the bridge and the switch simulator: jPOS
 * {@link NACChannel} framing (two-byte binary length, then a five-byte TPDU) around ISO 8583:1987
 * messages packed by {@link ISO87BPackager} (BCD numerics, binary bitmap). Example frame of a 0800:
 * {@code 00 1F | 60 00 00 00 00 | 08 00 | 82 20 …}.
 *
 * <p>Channels keep the packed image of every message they receive ({@link #receivedImage}) for MAC
 * checks.
 *
 * <p>Every channel gets a logger without listeners: jPOS logs whole messages (PAN, PIN block) on
 * its log events, and a channel without a logger of its own would fall back to a shared "Q2" logger
 * if anything registered one.
 */
public final class SwitchFraming {

  private static final String TPDU_HEX = "6000000000";

  private SwitchFraming() {}

  /**
   * One packager for every message packed or unpacked outside a channel: MAC images, stored
   * advices, the simulator's answers. jPOS 2.1.10's ISO87BPackager builds its 129 field packagers
   * in its constructor, and a new one per message was a visible share of the link's CPU in a
   * profile at 16 callers; its pack and unpack only read its fields (ISOBasePackager writes them
   * only in its constructor and setters, read in jPOS's bytecode), so one instance serves every
   * thread. Nothing ever sets its logger; channels keep a packager of their own ({@link
   * #channelPackager}).
   */
  private static final ISOPackager SHARED = new ISO87BPackager();

  /**
   * The one packager of the link's messages outside channels, shared by every thread: never
   * configure it.
   */
  public static ISOPackager packager() {
    return SHARED;
  }

  private static ISOPackager channelPackager() {
    return new ISO87BPackager();
  }

  /** A channel that dials the switch through {@code sockets}. */
  public static NACChannel clientChannel(String host, int port, ISOClientSocketFactory sockets) {
    NACChannel channel = new ImageKeepingChannel(host, port, channelPackager());
    channel.setHeader(TPDU_HEX);
    channel.setSocketFactory(sockets);
    channel.setLogger(silentLogger(), "switch-link");
    return channel;
  }

  /** The prototype channel an {@code ISOServer} clones for each accepted connection. */
  public static NACChannel serverChannel() {
    NACChannel channel = new ImageKeepingChannel();
    channel.setPackager(channelPackager());
    channel.setHeader(TPDU_HEX);
    channel.setLogger(silentLogger(), "switch-server");
    return channel;
  }

  /**
   * The packed image a message arrived as on a channel from this class (MTI, bitmaps and fields,
   * without the length prefix and TPDU); empty for messages built locally.
   */
  public static Optional<byte[]> receivedImage(ISOMsg m) {
    return m instanceof ImageKeepingChannel.ReceivedMessage received
        ? Optional.ofNullable(received.image())
        : Optional.empty();
  }

  /** A jPOS logger with no listeners, so jPOS's message dumps go nowhere. */
  public static Logger silentLogger() {
    return new Logger();
  }
}
