// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.phonebank.card.CardNumber;

class LoadLedgerTest {

  @Test
  void cardsAreDistinctLuhnValidAndAsManyAsAsked() {
    List<LoadLedger.Card> cards = LoadLedger.generate(1_000, LoadLedger.DEFAULT_SEED);

    assertEquals(1_000, cards.size());
    Set<String> numbers = new HashSet<>();
    Set<String> accounts = new HashSet<>();
    for (LoadLedger.Card card : cards) {
      String digits = card.number().digits();
      assertTrue(CardNumber.isValid(digits), card.number().masked());
      assertTrue(digits.startsWith(LoadLedger.BIN), card.number().masked());
      assertTrue(card.pin().matches("\\d{4}"));
      assertTrue(card.balance() > 0);
      numbers.add(digits);
      accounts.add(digits.substring(6));
    }
    assertEquals(1_000, numbers.size());
    // The simulator's short rows take the card's last ten digits as the account number.
    assertEquals(1_000, accounts.size());
    // Clear of the demo cards, which a load ledger replaces.
    assertTrue(!numbers.contains("6037991234567893") && !numbers.contains("6037997654321091"));
  }

  @Test
  void theSameCountAndSeedGiveTheSameLedger() {
    assertEquals(LoadLedger.generate(50, 7), LoadLedger.generate(50, 7));
    assertThrows(IllegalArgumentException.class, () -> LoadLedger.generate(0, 7));
    assertThrows(
        IllegalArgumentException.class, () -> LoadLedger.generate(LoadLedger.MAX_CARDS + 1, 7));
  }

  @Test
  void rowsAreTheLedgersShortForm() throws IOException {
    StringWriter out = new StringWriter();
    LoadLedger.write(LoadLedger.generate(2, 1), out);

    String[] lines = out.toString().split("\n");
    assertEquals(3, lines.length);
    assertTrue(lines[0].startsWith("#"));
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",", -1);
      assertEquals(4, cells.length, lines[i]);
      assertTrue(CardNumber.isValid(cells[0]));
      assertEquals("Load caller " + i, cells[3]);
    }
  }
}
