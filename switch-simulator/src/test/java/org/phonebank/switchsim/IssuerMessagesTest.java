// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.Test;
import org.phonebank.card.CardNumber;

class IssuerMessagesTest {

  private static ISOMsg request(String pan) throws Exception {
    ISOMsg m = new ISOMsg("0200");
    if (pan != null) {
      m.set(2, pan);
    }
    m.set(11, "000001");
    m.set(41, "IVR00001");
    return m;
  }

  @Test
  void theLogNamesAKeyedCardOnceAndMasked() throws Exception {
    ISOMsg keyed = request("6037991234567893");
    CardNumber card = new CardNumber("6037991234567893");

    assertEquals(
        "0200 STAN 000001 terminal IVR00001 card 603799******7893",
        IssuerMessages.describe(keyed, card));
    assertEquals(
        "0200 STAN 000001 terminal IVR00001 card 603799******7893", IssuerMessages.describe(keyed));
  }

  @Test
  void aCardFromTrackTwoIsNamedAndNoCardIsSaidSo() throws Exception {
    ISOMsg withoutField2 = request(null);

    assertEquals(
        "0200 STAN 000001 terminal IVR00001 card 603799******7893",
        IssuerMessages.describe(withoutField2, new CardNumber("6037991234567893")));
    assertEquals(
        "0200 STAN 000001 terminal IVR00001 card (unknown)",
        IssuerMessages.describe(withoutField2, null));
    assertEquals("0200 STAN 000001 terminal IVR00001", IssuerMessages.describe(withoutField2));
  }
}
