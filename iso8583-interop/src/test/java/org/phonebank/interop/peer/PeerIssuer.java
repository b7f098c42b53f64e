// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.peer;

import com.solab.iso8583.IsoMessage;
import com.solab.iso8583.IsoType;
import com.solab.iso8583.IsoValue;
import com.solab.iso8583.MessageFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.phonebank.interop.Iso87Dictionary;
import org.phonebank.interop.Iso87Dictionary.Encoding;
import org.phonebank.interop.RetailMac;

/**
 * What the j8583 peer answers, as an issuer behind a switch: network management always approved for
 * sign-on, sign-off and echo; a balance inquiry from its ledger (14 for an unknown card, 63 when
 * the request's MAC failed, 12 for any other processing code); reversals acknowledged. Financial
 * and reversal answers are MACed.
 */
final class PeerIssuer {

  /**
   * PIN block (52), its security control (53), an AES PIN block (62) and a new PIN (63): never
   * echoed back.
   */
  private static final int[] PIN_FIELDS = {52, 53, 62, 63};

  private final MessageFactory<IsoMessage> codec;
  private final byte[] zak;
  private final Map<String, Long> balances;
  private final List<String> problems;
  private final Map<String, Boolean> corruptMacFor = new ConcurrentHashMap<>();
  private final AtomicInteger approvals = new AtomicInteger();

  PeerIssuer(
      MessageFactory<IsoMessage> codec,
      byte[] zak,
      Map<String, Long> balances,
      List<String> problems) {
    this.codec = codec;
    this.zak = zak;
    this.balances = Map.copyOf(balances);
    this.problems = problems;
  }

  void corruptMacsFor(String card) {
    corruptMacFor.put(card, Boolean.TRUE);
  }

  byte[] reversalAnswer(IsoMessage request) {
    return withMac(response(request, "00", PIN_FIELDS), Iso87Dictionary.text(request, 2));
  }

  byte[] networkAnswer(IsoMessage request) {
    String code = Iso87Dictionary.text(request, 70);
    boolean known = "001".equals(code) || "002".equals(code) || "301".equals(code);
    if (!known) {
      problems.add("0800 with unknown network code " + code);
    }
    IsoMessage response = response(request, known ? "00" : "12");
    return response.writeData();
  }

  byte[] financialAnswer(IsoMessage request, boolean macVerified) {
    String card = Iso87Dictionary.text(request, 2);
    String processing = Iso87Dictionary.text(request, 3);
    IsoMessage response;
    if (!macVerified) {
      response = response(request, "63", PIN_FIELDS);
    } else if (processing == null || !processing.startsWith("31")) {
      response = response(request, "12", PIN_FIELDS);
    } else if (card == null || !balances.containsKey(card)) {
      response = response(request, "14", PIN_FIELDS);
    } else {
      response = response(request, "00", PIN_FIELDS);
      long balance = balances.get(card);
      String block =
          "0002364" + (balance < 0 ? "D" : "C") + String.format("%012d", Math.abs(balance));
      response.setField(
          38,
          Iso87Dictionary.value(
              38, String.format("%06d", approvals.incrementAndGet()), Encoding.BCD));
      response.setField(54, Iso87Dictionary.value(54, block, Encoding.BCD));
    }
    return withMac(response, card);
  }

  /**
   * A response echoing the request's fields except {@code dropped}, with response code {@code
   * code}.
   */
  private IsoMessage response(IsoMessage request, String code, int... dropped) {
    IsoMessage response = codec.createResponse(request);
    response.removeFields(64, 128);
    for (int field : dropped) {
      response.removeFields(field);
    }
    response.setField(39, Iso87Dictionary.value(39, code, Encoding.BCD));
    return response;
  }

  /** Sets the MAC field (64, or 128 with a secondary bitmap) and returns the image. */
  private byte[] withMac(IsoMessage response, String card) {
    int macField = macField(response);
    response.setField(
        macField, new IsoValue<>(IsoType.BINARY, new byte[RetailMac.LENGTH], RetailMac.LENGTH));
    byte[] image = response.writeData();
    byte[] mac = RetailMac.ofImage(zak, image);
    if (card != null && corruptMacFor.containsKey(card)) {
      mac[0] ^= 0x01;
    }
    System.arraycopy(mac, 0, image, image.length - RetailMac.LENGTH, RetailMac.LENGTH);
    return image;
  }

  static int macField(IsoMessage m) {
    for (int i = 65; i <= 127; i++) {
      if (m.hasField(i)) {
        return 128;
      }
    }
    return 64;
  }
}
