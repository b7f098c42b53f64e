// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.bill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.phonebank.money.Rials;

// Sample bills from the public test set of persian-tools (bill.spec.ts), whose rules these types
// follow.
class BillIdentifiersTest {

  @Test
  void aFixedLineBillAndItsPaymentIdAreAcceptedAndTheAmountIsDerived() {
    BillId bill = new BillId("7748317800142");
    PaymentId payment = new PaymentId("1770160");
    assertEquals(BillType.FIXED_LINE, bill.type());
    assertTrue(payment.belongsTo(bill));
    assertEquals(Rials.of(17_000), payment.amount());
  }

  @Test
  void aWaterBillIsRecognised() {
    assertEquals(BillType.WATER, new BillId("2050327604613").type());
    assertEquals(Rials.of(10_000), new PaymentId("1070189").amount());
  }

  @Test
  void aBillIdWithAWrongCheckDigitIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new BillId("2234322344613"));
    assertFalse(BillId.isValid("7748317800143"));
  }

  @Test
  void aPaymentIdPrintedForAnotherBillDoesNotBelongToThisOne() {
    assertFalse(new PaymentId("1770160").belongsTo(new BillId("2050327604613")));
  }

  @Test
  void aPaymentIdWithAWrongFirstCheckDigitIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PaymentId("1770170"));
  }
}
