// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShebaTest {

  @Test
  void aValidShebaNamesItsBank() {
    assertEquals("017", new Sheba("IR050170000000123456789012").bankCode());
  }

  @Test
  void aShebaWithAWrongCheckIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Sheba("IR060170000000123456789012"));
  }

  @Test
  void anAccountNumberPrintsOnlyItsLastFourDigits() {
    assertEquals("****5678", new AccountNumber("12345678").toString());
  }
}
