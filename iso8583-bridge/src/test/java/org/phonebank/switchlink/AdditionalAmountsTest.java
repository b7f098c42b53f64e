// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phonebank.money.Rials;

class AdditionalAmountsTest {

  @Test
  void availableBalanceIsPickedFromAmongOtherAmounts() {
    String field = "0001364C000000000500" + "0002364C000012345678";

    assertEquals(Optional.of(Rials.of(12_345_678)), AdditionalAmounts.availableBalance(field));
  }

  @Test
  void debitSignMeansAnOverdrawnAccount() {
    assertEquals(
        Optional.of(Rials.of(-2_500)), AdditionalAmounts.availableBalance("1002364D000000002500"));
  }

  @Test
  void balanceInAnotherCurrencyIsNotTakenForRials() {
    assertEquals(Optional.empty(), AdditionalAmounts.availableBalance("0002840C000000000100"));
  }

  @Test
  void blocksOfTheWrongLengthOrShapeAreMalformed() {
    assertThrows(
        IllegalArgumentException.class,
        () -> AdditionalAmounts.availableBalance("0002364C00001234567"));
    assertThrows(
        IllegalArgumentException.class,
        () -> AdditionalAmounts.availableBalance("0002364X000012345678"));
  }
}
