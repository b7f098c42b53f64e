// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardFingerprint;
import org.phonebank.escalation.Escalation;
import org.phonebank.escalation.EscalationReason;
import org.phonebank.escalation.EscalationSettings;
import org.phonebank.escalation.Escalations;
import org.phonebank.escalation.OfferResult;
import org.phonebank.escalation.OfficerStatus;
import org.phonebank.escalation.QueuedCall;
import org.phonebank.escalation.WaitState;
import org.phonebank.escalation.jdbc.JdbcEscalationStore;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.TransactionType;
import org.phonebank.journal.jdbc.SchemaMigrations;
import org.phonebank.money.Rials;
import org.phonebank.officer.audit.AuditAction;
import org.phonebank.officer.audit.AuditRecord;
import org.phonebank.officer.desk.CallerContext;
import org.phonebank.officer.desk.PastContact;
import org.phonebank.officer.desk.WrapUpCode;
import org.phonebank.officer.wallboard.InQueue;

/**
 * The desk's ports on the phone bank's real schema (every migration), in embedded Derby: one
 * database for the class (migrating takes seconds), each test with call ids of its own.
 */
class JdbcDeskPortsOnDerbyTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final String MASKED = "603799******7893";
  private static final CardFingerprint CARD = new CardFingerprint("ab".repeat(32));
  private static final CardFingerprint OTHER_CARD = new CardFingerprint("cd".repeat(32));

  private static final String NAME = "memory:desk-" + System.nanoTime();
  private static final EmbeddedDataSource derby = new EmbeddedDataSource();

  @BeforeAll
  static void migrate() {
    derby.setDatabaseName(NAME);
    derby.setCreateDatabase("create");
    SchemaMigrations.migrate(derby);
  }

  private final JdbcCustomerContexts contexts = new JdbcCustomerContexts(derby);
  private final Escalations queues =
      new Escalations(
          EscalationSettings.from(
              key -> Optional.ofNullable(Map.of("phonebank.escalation.officers", "o1").get(key))),
          new JdbcEscalationStore(derby),
          Clock.fixed(NOW, ZoneOffset.UTC),
          "node-1");

  @AfterAll
  static void drop() {
    EmbeddedDataSource dropping = new EmbeddedDataSource();
    dropping.setDatabaseName(NAME);
    dropping.setConnectionAttributes("drop=true");
    try {
      dropping.getConnection().close();
    } catch (SQLException expected) {
      // 08006: dropped
    }
  }

  private void journal(String callId, int stan, CardFingerprint card, Instant at)
      throws SQLException {
    try (Connection connection = derby.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO switch_journal (call_id, type, stan, rrn, terminal_id, transmitted_at,"
                    + " masked_card, state, created_at, updated_at, card_fingerprint)"
                    + " VALUES (?, 'BALANCE_INQUIRY', ?, ?, 'IVR00001', ?, ?, 'APPROVED', ?, ?, ?)")) {
      Timestamp time = Timestamp.from(at);
      Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
      insert.setString(1, callId);
      insert.setInt(2, stan);
      insert.setString(3, String.format("6000%08d", stan));
      insert.setTimestamp(4, time, utc);
      insert.setString(5, MASKED);
      insert.setTimestamp(6, time, utc);
      insert.setTimestamp(7, time, utc);
      insert.setString(8, card.hex());
      insert.executeUpdate();
    }
  }

  private QueuedCall escalate(String callId, List<JournalEntry> requests) {
    return queues.enqueue(
        new Escalation(
            callId,
            "en",
            Optional.of(MASKED),
            true,
            List.of("main-menu", "transfer:declined-51", "officer"),
            EscalationReason.ASKED,
            "asked for an officer",
            requests));
  }

  @Test
  void theContextHistoryAndWrapUpOfACardAreFoundByItsFingerprintAlone() throws SQLException {
    queues.start();
    journal("call-ancient", 1, CARD, NOW.minus(Duration.ofDays(40)));
    journal("call-earlier", 2, CARD, NOW.minus(Duration.ofDays(3)));
    journal("call-stranger", 3, OTHER_CARD, NOW.minus(Duration.ofDays(1)));
    journal("call-now", 4, CARD, NOW);
    QueuedCall earlier = escalate("call-earlier", List.of());
    assertTrue(contexts.wrapUp(earlier.id(), "o1", WrapUpCode.RESOLVED, "", NOW));
    assertFalse(
        contexts.wrapUp(earlier.id(), "o1", WrapUpCode.NO_ACTION, "again", NOW),
        "one wrap-up per call");
    QueuedCall now =
        escalate(
            "call-now",
            List.of(
                new JournalEntry(
                    7,
                    "call-now",
                    TransactionType.TRANSFER,
                    new TransactionIds(new Stan(4), new Rrn("600000000004"), NOW),
                    MASKED,
                    Rials.of(50_000_000),
                    EntryState.DECLINED,
                    "51",
                    NOW)));

    CallerContext context = contexts.context(now.id()).orElseThrow();
    assertEquals(Optional.of(MASKED), context.maskedCard());
    assertEquals(Optional.of(CARD), context.card());
    assertEquals(List.of("main-menu", "transfer:declined-51", "officer"), context.path());
    assertEquals("asked", context.reason());
    assertEquals(4, context.switchRequests().get(0).stan());
    assertEquals("600000000004", context.switchRequests().get(0).rrn());
    assertEquals(Optional.of("51"), context.switchRequests().get(0).responseCode());
    assertEquals(Optional.of(50_000_000L), context.switchRequests().get(0).amount());

    List<PastContact> history = contexts.history(CARD, NOW.minus(Duration.ofDays(30)));
    assertEquals(
        List.of("call-now", "call-earlier"), history.stream().map(PastContact::callId).toList());
    assertEquals(Optional.of("RESOLVED"), history.get(1).wrapUpCode());
    assertEquals(Optional.of("asked"), history.get(1).escalationReason());
    assertEquals(Optional.empty(), contexts.context(9_999));
  }

  @Test
  void theLastAnsweredCallIsTheOneTheOfficerWritesUp() {
    queues.start();
    assertEquals(Optional.empty(), contexts.lastAnswered("o1"));
    queues.setStatus("o1", OfficerStatus.READY);
    QueuedCall call = escalate("call-answered", List.of());
    WaitState.Ringing ringing = (WaitState.Ringing) queues.status(call.id());
    queues.offerEnded(ringing.offer(), OfferResult.ANSWERED);
    assertEquals(Optional.of(call.id()), contexts.lastAnswered("o1"));
  }

  @Test
  void theWallboardReadsTheCallersInTheQueuesNowAndWhoWaitsForACallback() {
    queues.start();
    JdbcWallboardFacts facts = new JdbcWallboardFacts(derby);
    // Other tests of this class share the database: count what this one adds.
    List<InQueue> before = facts.inQueue();
    escalate("call-holding", List.of());
    QueuedCall later = escalate("call-later", List.of());
    queues.callback(later.id(), "09121234567");

    List<InQueue> now = facts.inQueue();
    assertEquals(before.size() + 2, now.size());
    assertEquals(
        before.stream().filter(InQueue::callback).count() + 1,
        now.stream().filter(InQueue::callback).count());
    assertTrue(now.contains(new InQueue("general", NOW, false)), now.toString());
    assertTrue(facts.joined(NOW, NOW.plusSeconds(1)).size() >= 2);
    assertTrue(facts.officers().stream().anyMatch(o -> o.officerId().equals("o1")));
  }

  @Test
  void theAuditTrailKeepsWhoWhatWhenAndTheMaskedCard() {
    JdbcAuditTrail audit = new JdbcAuditTrail(derby);
    audit.append(
        new AuditRecord(NOW, "o1", AuditAction.VIEW_CONTEXT, Optional.of(MASKED), "entry 1"));
    audit.append(
        new AuditRecord(NOW.plusSeconds(1), "o1", AuditAction.STATUS, Optional.empty(), "READY"));
    List<AuditRecord> newest = audit.newest(5);
    assertEquals(2, newest.size());
    assertEquals(AuditAction.STATUS, newest.get(0).action());
    assertEquals(
        new AuditRecord(NOW, "o1", AuditAction.VIEW_CONTEXT, Optional.of(MASKED), "entry 1"),
        newest.get(1));
  }
}
