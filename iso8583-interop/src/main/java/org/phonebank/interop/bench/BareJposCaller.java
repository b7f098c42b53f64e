// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.bench;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.jpos.iso.ISOClientSocketFactory;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.channel.NACChannel;
import org.phonebank.interop.RetailMac;
import org.phonebank.switchlink.SwitchFraming;

/**
 * The baseline: a plain jPOS {@link NACChannel} of its own, on the same TLS and framing as the
 * bridge, doing one 0200/0210 at a time with a format 0 PIN block and a retail MAC, and no journal,
 * matching or reconnecting. It signs on (0800/001) once after connecting, as a switch may require.
 */
final class BareJposCaller implements Caller, AutoCloseable {

  private static final AtomicInteger STANS = new AtomicInteger();
  private static final DateTimeFormatter GMT =
      DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC);
  private static final ZoneId LOCAL = ZoneId.of("Asia/Tehran");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HHmmss").withZone(LOCAL);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMdd").withZone(LOCAL);

  private final NACChannel channel;
  private final String terminalId;
  private final String card;
  private final byte[] pinBlock;
  private final byte[] zak;
  private final boolean signedOn;

  BareJposCaller(
      String host,
      int port,
      ISOClientSocketFactory sockets,
      String terminalId,
      String card,
      String pin,
      byte[] zpk,
      byte[] zak)
      throws IOException, ISOException {
    this.channel = SwitchFraming.clientChannel(host, port, sockets);
    this.terminalId = terminalId;
    this.card = card;
    this.pinBlock = format0(pin, card, zpk);
    this.zak = zak;
    channel.connect();
    if (!channel.isConnected()) {
      throw new IOException("bare client cannot connect to " + host + ":" + port);
    }
    ISOMsg signOn = new ISOMsg("0800");
    signOn.set(7, GMT.format(Instant.now()));
    signOn.set(11, stan());
    signOn.set(41, terminalId);
    signOn.set(70, "001");
    channel.send(signOn);
    ISOMsg answer = channel.receive();
    if (!"0810".equals(answer.getMTI())) {
      throw new IOException("sign-on answered with " + answer.getMTI());
    }
    // A switch that does not need sign-on may refuse it; the approvals counted later show whether
    // it mattered.
    signedOn = "00".equals(answer.getString(39));
  }

  boolean signedOn() {
    return signedOn;
  }

  @Override
  public boolean balanceInquiry() throws IOException, ISOException {
    Instant now = Instant.now();
    String stan = stan();
    ISOMsg m = new ISOMsg("0200");
    m.set(2, card);
    m.set(3, "310000");
    m.set(4, "000000000000");
    m.set(7, GMT.format(now));
    m.set(11, stan);
    m.set(12, TIME.format(now));
    m.set(13, DATE.format(now));
    m.set(22, "011");
    m.set(25, "08");
    m.set(32, "627353");
    m.set(37, "6" + DATE.format(now) + "0" + stan);
    m.set(41, terminalId);
    m.set(42, "PHONEBANKIVR001");
    m.set(49, "364");
    m.set(52, pinBlock);
    m.set(53, "0001000000000000");
    m.set(64, new byte[RetailMac.LENGTH]);
    m.setPackager(SwitchFraming.packager());
    byte[] image = m.pack();
    m.set(64, RetailMac.ofImage(zak, image));
    channel.send(m);
    ISOMsg response = channel.receive();
    return "00".equals(response.getString(39)) && stan.equals(response.getString(11));
  }

  private static String stan() {
    return String.format("%06d", STANS.updateAndGet(n -> n >= 999_999 ? 1 : n + 1));
  }

  /**
   * ISO 9564 format 0 under the TDES zone PIN key, built once: the baseline measures the link, not
   * the HSM.
   */
  private static byte[] format0(String pin, String pan, byte[] zpk) {
    String pinField = String.format("0%X%s", pin.length(), pin) + "F".repeat(14 - pin.length());
    String panField = "0000" + pan.substring(pan.length() - 13, pan.length() - 1);
    byte[] block = HexFormat.of().parseHex(pinField);
    byte[] panBytes = HexFormat.of().parseHex(panField);
    for (int i = 0; i < block.length; i++) {
      block[i] ^= panBytes[i];
    }
    DESedeEngine tdes = new DESedeEngine();
    tdes.init(true, new KeyParameter(zpk));
    byte[] out = new byte[8];
    tdes.processBlock(block, 0, out, 0);
    return out;
  }

  @Override
  public void close() throws IOException {
    channel.disconnect();
  }
}
