// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.callpath.CallEnding;
import org.phonebank.callpath.CallPath;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.TransactionType;
import org.phonebank.lockout.LockedCard;
import org.phonebank.money.Rials;
import org.phonebank.saf.QueuedAdvice;

/** Building every store from one data source, and what all of them together keep on disk. */
abstract class JournalStoreContract {

  private static final CardNumber CARD = new CardNumber("6037991234567893");
  private static final Instant MORNING = Instant.parse("2026-03-21T05:30:00Z");

  private TestDatabase database;
  private TestClock clock;

  abstract TestDatabase newDatabase();

  @BeforeEach
  void freshDatabase() {
    database = newDatabase();
    clock = new TestClock(MORNING);
  }

  @AfterEach
  void dropTheDatabase() {
    database.close();
  }

  private JournalStore open(boolean migrate, byte[] key) {
    return JournalStore.open(
        database.dataSource(),
        new JournalSettings(ZoneId.of("Asia/Tehran"), migrate, 4),
        "IVR00001",
        key,
        clock);
  }

  @Test
  void openingBringsTheSchemaUpToDateOnce() {
    assertEquals(
        List.of(
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 21, 22, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35),
        open(true, TestKeys.FINGERPRINT).appliedVersions());

    JournalStore again = open(true, TestKeys.FINGERPRINT);

    assertEquals(List.of(), again.appliedVersions());
    assertEquals(1, again.transactionIds().next().stan().value());
  }

  @Test
  void withMigrationOffTheSchemaIsLeftToTheDba() {
    JournalStore store = open(false, TestKeys.FINGERPRINT);

    assertEquals(List.of(), store.appliedVersions());
    assertThrows(JournalStoreException.class, () -> store.journal().unfinished());
  }

  @Test
  void aShortFingerprintKeyIsRefusedBeforeTheSchemaIsTouched() {
    assertThrows(IllegalArgumentException.class, () -> open(true, new byte[16]));

    assertThrows(
        IllegalStateException.class, () -> database.count("SELECT COUNT(*) FROM schema_version"));
  }

  @Test
  void noTableHoldsTheCardNumberAfterEveryStoreHasUsedIt() {
    JournalStore store = open(true, TestKeys.FINGERPRINT);
    JournalEntry balance =
        store
            .journal()
            .open(
                "call-1",
                TransactionType.BALANCE_INQUIRY,
                store.transactionIds().next(),
                CARD,
                null);
    store
        .journal()
        .close(balance.id(), new SwitchOutcome.Declined(DeclineReason.INCORRECT_PIN, "55"));
    JournalEntry transfer =
        store
            .journal()
            .open(
                "call-1",
                TransactionType.TRANSFER,
                store.transactionIds().next(),
                CARD,
                Rials.of(2_000_000));
    store
        .adviceQueue()
        .arm(
            new QueuedAdvice(
                transfer.id(),
                "0420",
                transfer.ids().stan(),
                transfer.ids().rrn(),
                "opaque-ciphertext".getBytes(StandardCharsets.US_ASCII),
                0,
                MORNING));
    store.journal().reversing(transfer.id());
    store.adviceQueue().release(transfer.id());
    store.adviceQueue().attempted(transfer.id(), MORNING);
    for (int i = 0; i < 3; i++) {
      store.lockouts().wrongPin(CARD, 3);
    }
    LockedCard locked = store.lockouts().locked().get(0);
    store.lockouts().unlock(locked.fingerprint(), "officer.rahimi");
    store.lockouts().wrongPin(CARD, 3);
    store
        .callPaths()
        .record(
            new CallPath(
                "call-1",
                "fa",
                List.of("main-menu", "transfer:amount"),
                CallEnding.CALLER_LEFT,
                "hung up",
                MORNING,
                MORNING.plusSeconds(90)));

    List<String> values = database.everyStoredValue();

    Set<String> stored = values.stream().filter(v -> v != null).collect(Collectors.toSet());
    assertTrue(stored.contains("603799******7893"), "the masked card is stored");
    assertTrue(stored.contains(locked.fingerprint().hex()), "the fingerprint is stored");
    for (String value : stored) {
      assertFalse(value.contains(CARD.digits()), "a column holds the full card number");
      assertFalse(
          value.contains(CARD.digits().substring(6, 12)),
          "a column holds the card's hidden digits");
    }
  }
}
