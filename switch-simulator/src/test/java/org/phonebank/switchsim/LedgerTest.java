// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.phonebank.money.Rials;

class LedgerTest {

  @Test
  void demoLedgerHoldsTheMelliTestCardWithItsPinAndBalance() {
    DemoAccount melli = Ledger.demo().account("6037991234567893").orElseThrow();

    assertEquals(Rials.of(12_345_678), melli.available());
    boolean pinIs7391 = melli.pin().reveal(digits -> new String(digits).equals("7391"));
    assertTrue(pinIs7391);
  }

  @Test
  void demoLedgerSpansSeveralBanksAndABalanceOfTenDigitsOrMore() {
    Ledger ledger = Ledger.demo();

    assertTrue(ledger.accounts().size() >= 3);
    assertTrue(ledger.accounts().stream().map(a -> a.card().bin()).distinct().count() >= 3);
    assertTrue(ledger.accounts().stream().anyMatch(a -> a.available().value() >= 1_000_000_000L));
  }

  @Test
  void demoLedgerCarriesAccountsPersianNamesAndLimits() {
    DemoAccount reza = Ledger.demo().account("6104337654321098").orElseThrow();

    assertEquals("رضا کریمی", reza.holderPersian());
    assertEquals("4455667788", reza.account().digits());
    assertTrue(reza.perTransactionLimit().compareTo(reza.dailyLimit()) <= 0);
  }

  @Test
  void postingTwiceUnderOneKeyMovesMoneyOnceAndAReversalUndoesItOnce() {
    Ledger ledger = Ledger.demo();
    DemoAccount from = ledger.account("6104337654321098").orElseThrow();
    DemoAccount to = ledger.account("6219861112223333").orElseThrow();
    Rials start = ledger.balanceOf(from);
    java.time.LocalDate today = java.time.LocalDate.of(2026, 11, 23);

    assertTrue(ledger.post("T|000001|R", from, to, Rials.of(500), today));
    assertFalse(ledger.post("T|000001|R", from, to, Rials.of(500), today));
    assertEquals(start.minus(Rials.of(500)), ledger.balanceOf(from));
    assertTrue(ledger.reverse("T|000001|R", today));
    assertFalse(ledger.reverse("T|000001|R", today));
    assertEquals(start, ledger.balanceOf(from));
  }

  @Test
  void reversalThatCameFirstStopsTheLateOriginalFromPosting() {
    Ledger ledger = Ledger.demo();
    DemoAccount from = ledger.account("6104337654321098").orElseThrow();
    java.time.LocalDate today = java.time.LocalDate.of(2026, 11, 23);

    assertFalse(ledger.reverse("T|000002|R", today));
    assertFalse(ledger.post("T|000002|R", from, null, Rials.of(500), today));
    assertEquals(Rials.of(98_765_432_100L), ledger.balanceOf(from));
  }

  @Test
  void shortRowsOfOlderLedgersStillLoad() throws Exception {
    Ledger ledger = Ledger.parse(new StringReader("6037991234567893,1234,10,Test\n"), "old.csv");

    assertEquals("1234567893", ledger.account("6037991234567893").orElseThrow().account().digits());
  }

  @Test
  void unknownCardHasNoAccount() {
    assertFalse(Ledger.demo().account("6273530000111123").isPresent());
  }

  @Test
  void cardFailingLuhnIsRefusedWithItsLineNumberButNotItsDigits() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Ledger.parse(
                    new StringReader("# header\n6037991234567894,1234,10,Test\n"), "test.csv"));

    assertTrue(e.getMessage().contains("line 2"));
    assertFalse(e.getMessage().contains("6037991234567894"));
  }

  @Test
  void sameCardTwiceIsRefused() {
    String csv = "6037991234567893,1234,10,A\n6037991234567893,4321,20,B\n";

    assertThrows(
        IllegalArgumentException.class, () -> Ledger.parse(new StringReader(csv), "test.csv"));
  }
}
