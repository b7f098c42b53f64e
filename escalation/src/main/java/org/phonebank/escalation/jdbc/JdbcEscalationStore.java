// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.phonebank.escalation.CallbackClaim;
import org.phonebank.escalation.CallerFilter;
import org.phonebank.escalation.EntryEnd;
import org.phonebank.escalation.EntryFacts;
import org.phonebank.escalation.EntryStatus;
import org.phonebank.escalation.Escalation;
import org.phonebank.escalation.EscalationStore;
import org.phonebank.escalation.Look;
import org.phonebank.escalation.Offer;
import org.phonebank.escalation.OfferFacts;
import org.phonebank.escalation.OfferResult;
import org.phonebank.escalation.OfficerState;
import org.phonebank.escalation.OfficerStatus;
import org.phonebank.escalation.QueueDefinition;
import org.phonebank.escalation.QueuedCall;
import org.phonebank.escalation.Router;
import org.phonebank.escalation.SealedNumber;
import org.phonebank.escalation.Transfer;
import org.phonebank.escalation.TransferOutcome;
import org.phonebank.escalation.WaitFacts;
import org.phonebank.journal.JournalEntry;

/**
 * The officers' queues in the phone bank's database (tables {@code escalation_*}, created by the
 * journal's migration V20), so that every node shares one pool of officers and a restart keeps
 * officers' states and callbacks.
 *
 * <p>A reservation is two guarded updates in one transaction: the officer's row, still READY, is
 * locked, then the caller's from WAITING to RINGING, and only then is the officer RESERVED for the
 * caller. Under READ COMMITTED a second transaction updating the same row waits for the first and
 * then finds the guard no longer true (PostgreSQL re-checks the WHERE clause on the new row
 * version; Derby holds the row's exclusive lock until commit), so it changes nothing and the
 * reservation is refused; the unique {@code entry_id} of {@code escalation_officer} backs this in
 * the schema. Every transaction touches the officer's row first, then the caller's, then the
 * offer's, so two of them cannot wait on each other in a cycle; the officer's {@code entry_id} is
 * set after the caller's row is held, because setting it reads that row (a foreign key Derby checks
 * under a shared lock held to commit) and another reservation of the caller waits on it (unique).
 * On PostgreSQL a look's reservation ({@link #reserveFirst}) makes the same changes in the same
 * order as one statement, atomic by itself ({@link #RESERVE_TOGETHER}).
 */
public final class JdbcEscalationStore implements EscalationStore {

  private static final String MISSES = "('NO_ANSWER', 'REFUSED', 'FAILED')";
  private static final String ENTRY_COLUMNS =
      "id, call_id, queue_name, priority, language, enqueued_at, status, callback_sealed";
  private static final String OFFER_COLUMNS = "id, entry_id, officer_id, offered_at, deadline";
  private static final int MAX_PATH = 2000;

  /**
   * Reads the waiting callers along V26's service-order index, so a page is the first rows of the
   * index in the order asked for and the read stops there. Derby's optimizer does not weigh {@code
   * FETCH FIRST}: left alone it scanned the whole entry table, ended callers included, and sorted
   * what was waiting, on every look. PostgreSQL reads the line as a comment and plans by itself.
   */
  private static final String IN_SERVICE_ORDER =
      " --DERBY-PROPERTIES index = ESCALATION_ENTRY_SERVICE_IX\n ";

  /**
   * Reads the officers by status on V34's index: the READY few without the others' rows, the ids of
   * those at work from the index alone. Derby chose to scan every officer's row for both.
   */
  private static final String BY_STATUS =
      "--DERBY-PROPERTIES index = ESCALATION_OFFICER_STATUS_IX\n ";

  /** Entry ids per IN list: Derby compiles each list into code, so keep them short. */
  private static final int IN_LIST = 100;

  private final Transactions transactions;
  private final NodeRows nodes;

  public JdbcEscalationStore(DataSource dataSource) {
    this.transactions = new Transactions(dataSource);
    this.nodes = new NodeRows(transactions);
  }

  @Override
  public void enrol(Collection<String> officerIds, Instant now) {
    for (String id : officerIds) {
      try {
        transactions.run(
            "enrol officer " + id,
            connection -> {
              if (officer(connection, id).isPresent()) {
                return null;
              }
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO escalation_officer (officer_id, status, since, misses_in_row)"
                          + " VALUES (?, 'LOGGED_OUT', ?, 0)")) {
                insert.setString(1, id);
                Transactions.setInstant(insert, 2, now);
                insert.executeUpdate();
              }
              return null;
            });
      } catch (EscalationStoreException e) {
        // Another node enrolled the same officer at the same moment: that is the point.
        if (!(e.getCause() instanceof SQLException sql && Transactions.isUniqueViolation(sql))) {
          throw e;
        }
      }
    }
  }

  @Override
  public QueuedCall enqueue(
      Escalation escalation, QueueDefinition queue, String nodeId, Instant now) {
    return transactions.run(
        "queue call " + escalation.callId(),
        connection -> {
          long id;
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO escalation_entry (call_id, node_id, queue_name, priority, language,"
                      + " reason, reason_text, masked_card, authenticated, ivr_path, status,"
                      + " enqueued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, escalation.callId());
            insert.setString(2, nodeId);
            insert.setString(3, queue.name());
            insert.setInt(4, queue.priority());
            insert.setString(5, escalation.language());
            insert.setString(6, escalation.reason().name());
            insert.setString(7, clip(escalation.reasonText(), 200));
            insert.setString(8, escalation.maskedCard().orElse(null));
            insert.setBoolean(9, escalation.authenticated());
            insert.setString(10, clip(String.join(" > ", escalation.path()), MAX_PATH));
            Transactions.setInstant(insert, 11, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
              keys.next();
              id = keys.getLong(1);
            }
          }
          insertSwitchRequests(connection, id, escalation.switchRequests());
          return new QueuedCall(
              id,
              escalation.callId(),
              queue.name(),
              queue.priority(),
              escalation.language(),
              now,
              EntryStatus.WAITING,
              Set.of(),
              Optional.empty());
        });
  }

  private static void insertSwitchRequests(
      Connection connection, long entryId, List<JournalEntry> requests) throws SQLException {
    if (requests.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO escalation_switch_request (entry_id, seq, type, amount, stan, rrn,"
                + " response_code, journal_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      int seq = 0;
      for (JournalEntry request : requests) {
        insert.setLong(1, entryId);
        insert.setInt(2, ++seq);
        insert.setString(3, request.type().name());
        if (request.amount() == null) {
          insert.setNull(4, Types.BIGINT);
        } else {
          insert.setLong(4, request.amount().value());
        }
        insert.setInt(5, request.ids().stan().value());
        insert.setString(6, request.ids().rrn().value());
        insert.setString(7, request.responseCode());
        insert.setString(8, request.state().name());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  @Override
  public List<QueuedCall> waiting() {
    return transactions.run(
        "list waiting callers",
        connection -> {
          Map<Long, Set<String>> tried = new HashMap<>();
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT o.entry_id, o.officer_id FROM escalation_offer o"
                          + " JOIN escalation_entry e ON e.id = o.entry_id"
                          + " WHERE e.status = 'WAITING' AND o.result IN "
                          + MISSES);
              ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              tried.computeIfAbsent(rows.getLong(1), id -> new HashSet<>()).add(rows.getString(2));
            }
          }
          List<QueuedCall> waiting = new ArrayList<>();
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT "
                          + ENTRY_COLUMNS
                          + " FROM escalation_entry WHERE status = 'WAITING'");
              ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              waiting.add(queuedCall(rows, tried.getOrDefault(rows.getLong("id"), Set.of())));
            }
          }
          return waiting;
        });
  }

  @Override
  public List<QueuedCall> waitingInServiceOrder(QueuedCall after, int limit) {
    return waitingInServiceOrder(after, limit, null);
  }

  @Override
  public List<QueuedCall> waitingInServiceOrder(QueuedCall after, int limit, Instant now) {
    return waitingBetween(after, null, limit, now);
  }

  @Override
  public List<QueuedCall> waitingAhead(
      QueuedCall after, QueuedCall caller, int limit, Instant now) {
    return waitingBetween(after, Objects.requireNonNull(caller, "Caller is required."), limit, now);
  }

  @Override
  public List<QueuedCall> waitingAhead(
      QueuedCall after, QueuedCall caller, int limit, Instant now, CallerFilter only) {
    Objects.requireNonNull(only, "Filter is required.");
    if (only.isEmpty()) {
      return List.of();
    }
    return waitingBetween(
        after, Objects.requireNonNull(caller, "Caller is required."), limit, now, only);
  }

  private List<QueuedCall> waitingBetween(
      QueuedCall after, QueuedCall before, int limit, Instant now) {
    return waitingBetween(after, before, limit, now, null);
  }

  /**
   * After {@code after} and before {@code before} (both exclusive, null for no bound), in one of
   * the queues and languages of {@code only} (null: any).
   */
  private List<QueuedCall> waitingBetween(
      QueuedCall after, QueuedCall before, int limit, Instant now, CallerFilter only) {
    if (limit < 1) {
      throw new IllegalArgumentException("A page holds at least one caller: " + limit);
    }
    return transactions.advise(
        "read the head of the queue",
        connection -> {
          // Router.SERVICE_ORDER as SQL, and a keyset "after" so a page never skips or repeats a
          // caller while reservations take callers out of WAITING between pages.
          String sql =
              "SELECT "
                  + ENTRY_COLUMNS
                  + " FROM escalation_entry"
                  + IN_SERVICE_ORDER
                  + "WHERE status = 'WAITING'"
                  + (now == null ? "" : " AND (callback_due IS NULL OR callback_due <= ?)")
                  + (after == null
                      ? ""
                      : " AND (priority < ? OR (priority = ? AND (enqueued_at > ?"
                          + " OR (enqueued_at = ? AND id > ?))))")
                  + (only == null
                      ? ""
                      : " AND queue_name IN ("
                          + marks(only.queues().size())
                          + ") AND language IN ("
                          + marks(only.languages().size())
                          + ")")
                  + " ORDER BY priority DESC, enqueued_at, id FETCH FIRST ? ROWS ONLY";
          List<Long> ids = new ArrayList<>();
          List<QueuedCall> page = new ArrayList<>();
          try (PreparedStatement query = connection.prepareStatement(sql)) {
            int index = 1;
            if (now != null) {
              Transactions.setInstant(query, index++, now);
            }
            if (after != null) {
              query.setInt(index++, after.priority());
              query.setInt(index++, after.priority());
              Transactions.setInstant(query, index++, after.enqueuedAt());
              Transactions.setInstant(query, index++, after.enqueuedAt());
              query.setLong(index++, after.id());
            }
            if (only != null) {
              for (String queue : only.queues()) {
                query.setString(index++, queue);
              }
              for (String language : only.languages()) {
                query.setString(index++, language);
              }
            }
            query.setInt(index, limit);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                QueuedCall next = queuedCall(rows, Set.of());
                if (before != null && Router.SERVICE_ORDER.compare(next, before) >= 0) {
                  // The first caller not ahead of the one asking: the read ends here. As a
                  // condition in the query no index could stop on it, so both databases read on
                  // to the end of the queue looking for more callers ahead.
                  break;
                }
                page.add(next);
                ids.add(next.id());
              }
            }
          }
          Map<Long, Set<String>> tried = triedBy(connection, ids);
          return tried.isEmpty() ? page : withTried(page, tried);
        });
  }

  /** Officers each of {@code entryIds} missed or was refused by, read in bounded IN lists. */
  private static Map<Long, Set<String>> triedBy(Connection connection, List<Long> entryIds)
      throws SQLException {
    Map<Long, Set<String>> tried = new HashMap<>();
    for (int from = 0; from < entryIds.size(); from += IN_LIST) {
      List<Long> chunk = entryIds.subList(from, Math.min(entryIds.size(), from + IN_LIST));
      String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement query =
          connection.prepareStatement(
              "SELECT entry_id, officer_id FROM escalation_offer WHERE result IN "
                  + MISSES
                  + " AND entry_id IN ("
                  + marks
                  + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          query.setLong(i + 1, chunk.get(i));
        }
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            tried.computeIfAbsent(rows.getLong(1), id -> new HashSet<>()).add(rows.getString(2));
          }
        }
      }
    }
    return tried;
  }

  @Override
  public List<OfficerState> readyOfficers() {
    return transactions.advise("list ready officers", connection -> readyOfficers(connection));
  }

  private static final String READY = BY_STATUS + "WHERE status = 'READY'";

  private static List<OfficerState> readyOfficers(Connection connection) throws SQLException {
    return officers(connection, READY);
  }

  /**
   * The officers' rows that {@code where} (a fixed clause, no parameters) selects, in its order.
   */
  private static List<OfficerState> officers(Connection connection, String where)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(OFFICER_ROWS + where);
        ResultSet rows = query.executeQuery()) {
      return officers(rows);
    }
  }

  private static final String OFFICER_ROWS =
      "SELECT officer_id, status, since, misses_in_row, entry_id FROM escalation_officer ";

  private static List<OfficerState> officers(ResultSet rows) throws SQLException {
    List<OfficerState> officers = new ArrayList<>();
    while (rows.next()) {
      officers.add(officerState(rows));
    }
    return officers;
  }

  @Override
  public List<OfficerState> officers() {
    return transactions.run("list officers", c -> officers(c, "ORDER BY officer_id"));
  }

  /**
   * Three reads: the overdue offers, the entry and the READY officers. On PostgreSQL they are one
   * statement string, which pgJDBC sends in one round trip and answers with its results: a look's
   * time there is mostly round trips (its reads take 0.01-0.3 ms on the server), so the string also
   * reads the head of the queue ({@link Look#head}), the first page of callers ahead for a caller
   * near it, which saves a look its second round trip. Embedded Derby takes one statement at a time
   * and has no round trips to save; it reads callers ahead only when a look needs them.
   */
  @Override
  public Look look(long entryId, Instant now) {
    return transactions.advise(
        "read queue entry " + entryId + " and the ready officers",
        connection -> {
          if (!transactions.sendsStatementsTogether()) {
            return new Look(
                overdue(connection, now), entry(connection, entryId), readyOfficers(connection));
          }
          try (PreparedStatement query = connection.prepareStatement(LOOK_TOGETHER)) {
            Transactions.setInstant(query, 1, now);
            query.setLong(2, entryId);
            Transactions.setInstant(query, 3, now);
            query.execute();
            List<Offer> overdue;
            try (ResultSet rows = query.getResultSet()) {
              overdue = overdue(rows);
            }
            Optional<QueuedCall> entry = entry(next(query));
            List<OfficerState> ready = officers(next(query));
            return new Look(overdue, entry, ready, Optional.of(head(next(query))));
          }
        });
  }

  /** The next result of a statement string that holds several queries. */
  private static ResultSet next(PreparedStatement query) throws SQLException {
    if (!query.getMoreResults()) {
      throw new SQLException("A query of the look returned no rows: " + LOOK_TOGETHER);
    }
    return query.getResultSet();
  }

  /**
   * One statement: the ids of the officers at work (a row each, {@code ahead} 0), of whom those in
   * {@code capable} are counted here, and the two counts of the callers ahead ({@link #position}),
   * a row each without an officer. One statement, not three, because on PostgreSQL a look's time is
   * mostly round trips; each branch reads the same index as before. (Counting the officers in SQL
   * with {@code capable} as an IN list was slower on Derby, which probes the key once per id.)
   */
  @Override
  public WaitFacts waitFacts(QueuedCall caller, Set<String> capable) {
    return transactions.advise(
        "read the wait of entry " + caller.id(),
        connection -> {
          int atWork = 0;
          int ahead = 0;
          try (PreparedStatement query = connection.prepareStatement(WAIT_FACTS)) {
            query.setInt(1, caller.priority());
            setEarlierInQueue(query, 2, caller);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                String officer = rows.getString(1);
                if (officer == null) {
                  ahead += rows.getInt(2);
                } else if (capable.contains(officer)) {
                  atWork++;
                }
              }
            }
          }
          return new WaitFacts(1 + ahead, atWork);
        });
  }

  private static String marks(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  /** One count on the queue's index instead of reading every caller waiting. */
  @Override
  public int position(QueuedCall caller) {
    return transactions.run(
        "count the callers ahead of entry " + caller.id(),
        connection -> position(connection, caller));
  }

  /**
   * The callers ahead of a caller who count for their position, in two counts that each read a
   * range of one index and nothing else: every caller of a higher priority (V26's service-order
   * index), and the callers of the same queue and priority who came earlier (V34's, which holds the
   * queue). As one count with an OR, no index answered it and Derby scanned the whole entry table.
   */
  private static final String HIGHER_PRIORITY_ROWS =
      " FROM escalation_entry" + IN_SERVICE_ORDER + "WHERE status = 'WAITING' AND priority > ?";

  private static final String EARLIER_IN_QUEUE_ROWS =
      " FROM escalation_entry"
          + " --DERBY-PROPERTIES index = ESCALATION_ENTRY_POSITION_IX\n "
          + "WHERE status = 'WAITING' AND queue_name = ? AND priority = ? AND enqueued_at <= ?"
          + " AND (enqueued_at < ? OR id < ?)";

  private static final String HIGHER_PRIORITY = "SELECT COUNT(*)" + HIGHER_PRIORITY_ROWS;

  private static final String EARLIER_IN_QUEUE = "SELECT COUNT(*)" + EARLIER_IN_QUEUE_ROWS;

  private static int position(Connection connection, QueuedCall caller) throws SQLException {
    int ahead;
    try (PreparedStatement query = connection.prepareStatement(HIGHER_PRIORITY)) {
      query.setInt(1, caller.priority());
      ahead = count(query);
    }
    try (PreparedStatement query = connection.prepareStatement(EARLIER_IN_QUEUE)) {
      setEarlierInQueue(query, 1, caller);
      ahead += count(query);
    }
    return 1 + ahead;
  }

  /** Sets {@link #EARLIER_IN_QUEUE}'s five parameters from {@code first} on. */
  private static void setEarlierInQueue(PreparedStatement query, int first, QueuedCall caller)
      throws SQLException {
    query.setString(first, caller.queue());
    query.setInt(first + 1, caller.priority());
    Transactions.setInstant(query, first + 2, caller.enqueuedAt());
    Transactions.setInstant(query, first + 3, caller.enqueuedAt());
    query.setLong(first + 4, caller.id());
  }

  /** The officers at work, then {@link #HIGHER_PRIORITY} and {@link #EARLIER_IN_QUEUE}'s counts. */
  private static final String WAIT_FACTS =
      "SELECT officer_id, 0 AS ahead FROM escalation_officer "
          + BY_STATUS
          + "WHERE status IN ('READY', 'RESERVED', 'BUSY')"
          + " UNION ALL SELECT CAST(NULL AS VARCHAR(32)), COUNT(*)"
          + HIGHER_PRIORITY_ROWS
          + " UNION ALL SELECT CAST(NULL AS VARCHAR(32)), COUNT(*)"
          + EARLIER_IN_QUEUE_ROWS;

  private static int count(PreparedStatement query) throws SQLException {
    try (ResultSet row = query.executeQuery()) {
      row.next();
      return row.getInt(1);
    }
  }

  @Override
  public Optional<OfficerState> officer(String officerId) {
    return transactions.run("read officer " + officerId, c -> officer(c, officerId));
  }

  private static Optional<OfficerState> officer(Connection connection, String officerId)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT officer_id, status, since, misses_in_row, entry_id"
                + " FROM escalation_officer WHERE officer_id = ?")) {
      query.setString(1, officerId);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(officerState(row)) : Optional.empty();
      }
    }
  }

  @Override
  public Optional<QueuedCall> entry(long entryId) {
    return transactions.run(
        "read queue entry " + entryId, connection -> entry(connection, entryId));
  }

  /**
   * The entry with the officers it already tried, in one statement (one round trip on PostgreSQL,
   * where a look's time is mostly round trips): a row per officer tried, or one without.
   */
  private static final String ENTRY_WITH_TRIED =
      "SELECT e.id, e.call_id, e.queue_name, e.priority, e.language, e.enqueued_at, e.status,"
          + " e.callback_sealed, o.officer_id AS tried FROM escalation_entry e"
          + " LEFT JOIN escalation_offer o ON o.entry_id = e.id AND o.result IN "
          + MISSES
          + " WHERE e.id = ?";

  private static Optional<QueuedCall> entry(Connection connection, long entryId)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(ENTRY_WITH_TRIED)) {
      query.setLong(1, entryId);
      try (ResultSet rows = query.executeQuery()) {
        return entry(rows);
      }
    }
  }

  private static Optional<QueuedCall> entry(ResultSet rows) throws SQLException {
    QueuedCall entry = null;
    Set<String> tried = new HashSet<>();
    while (rows.next()) {
      if (entry == null) {
        entry = queuedCall(rows, Set.of());
      }
      String officer = rows.getString("tried");
      if (officer != null) {
        tried.add(officer);
      }
    }
    return entry == null ? Optional.empty() : Optional.of(entry.with(entry.status(), tried));
  }

  @Override
  public Optional<Offer> reserve(long entryId, String officerId, Instant now, Instant deadline) {
    return transactions.run(
        "reserve officer " + officerId,
        connection -> reserve(connection, entryId, officerId, now, deadline));
  }

  /**
   * One transaction, one commit, for a routing round's matches: each under its own savepoint, so a
   * match another node took meanwhile is rolled back alone (on PostgreSQL a refused statement would
   * otherwise abort the whole transaction). Officers are reserved in id order so two nodes
   * reserving overlapping rounds lock rows in the same order; a deadlock still rolls back and the
   * whole round is retried, its guarded updates then skipping what the other node took.
   */
  @Override
  public List<Offer> reserveAll(List<Router.Match> matches, Instant now, Instant deadline) {
    if (matches.isEmpty()) {
      return List.of();
    }
    List<Router.Match> inLockOrder = new ArrayList<>(matches);
    inLockOrder.sort(Comparator.comparing(Router.Match::officerId));
    Map<Long, Offer> made =
        transactions.run(
            "reserve " + matches.size() + " officers",
            connection -> {
              Map<Long, Offer> offers = new HashMap<>();
              for (Router.Match match : inLockOrder) {
                Savepoint before = connection.setSavepoint();
                reserve(connection, match.entryId(), match.officerId(), now, deadline, before)
                    .ifPresent(offer -> offers.put(offer.entryId(), offer));
              }
              return offers;
            });
    List<Offer> inOrder = new ArrayList<>();
    for (Router.Match match : matches) {
      Offer offer = made.get(match.entryId());
      if (offer != null) {
        inOrder.add(offer);
      }
    }
    return inOrder;
  }

  /**
   * One transaction: each officer in turn until one is still READY; a taken one is rolled back, so
   * the caller rings the next. Each try starts from nothing done (an earlier try either kept its
   * officer and ended the work, or was rolled back whole), so a rollback undoes exactly the try,
   * without the savepoint whose SAVEPOINT statement is a round trip of its own on PostgreSQL.
   */
  @Override
  public Optional<Offer> reserveFirst(
      long entryId, List<String> officerIds, Instant now, Instant deadline) {
    if (officerIds.isEmpty()) {
      return Optional.empty();
    }
    if (transactions.changesTablesTogether()) {
      return transactions.alone(
          "reserve the first ready of " + officerIds.size() + " officers for entry " + entryId,
          connection -> {
            for (String officerId : officerIds) {
              Reserved reserved = reserveTogether(connection, entryId, officerId, now, deadline);
              if (reserved.offer().isPresent() || !reserved.callerWaiting()) {
                return reserved.offer();
              }
            }
            return Optional.<Offer>empty();
          });
    }
    return transactions.run(
        "reserve the first ready of " + officerIds.size() + " officers for entry " + entryId,
        connection -> {
          for (String officerId : officerIds) {
            Optional<Offer> offer = reserve(connection, entryId, officerId, now, deadline);
            if (offer.isPresent()) {
              return offer;
            }
          }
          return Optional.<Offer>empty();
        });
  }

  private static Optional<Offer> reserve(
      Connection connection, long entryId, String officerId, Instant now, Instant deadline)
      throws SQLException {
    return reserve(connection, entryId, officerId, now, deadline, null);
  }

  /**
   * {@link #reserve}'s three changes as one statement, which PostgreSQL runs atomically on its own:
   * one round trip where the transaction took four (the BEGIN sent with the first update, the
   * second update, the insert, the COMMIT), 1.3 ms of a look's 3 (issue 11, item 10). The rows are
   * locked in the usual order: the caller's update reads the officer's, so it runs after it, and
   * the offer is inserted from both. A caller no longer WAITING leaves the offer's entry_id null,
   * which its NOT NULL refuses, so the whole statement is undone and the officer stays READY.
   *
   * <p>An officer or caller row another transaction holds is passed over ({@code FOR UPDATE SKIP
   * LOCKED}), not waited for: it is almost always another router reserving that officer or caller
   * this very moment, and waiting for its durable commit only to find the row taken cost routers at
   * once a quarter of their reservations' time (issue 11 item 10, BENCHMARKS.md). A passed-over
   * officer is tried as taken (the caller's next choice rings); a passed-over caller ends this try
   * as not waiting. Should that other transaction fail instead, its rows stay READY and WAITING for
   * the next look, a poll interval away.
   */
  private static final String RESERVE_TOGETHER =
      "WITH free AS (SELECT officer_id FROM escalation_officer"
          + " WHERE officer_id = ? AND status = 'READY' FOR UPDATE SKIP LOCKED),"
          + " officer AS (UPDATE escalation_officer o SET status = 'RESERVED', since = ?,"
          + " entry_id = ? FROM free WHERE o.officer_id = free.officer_id RETURNING o.officer_id),"
          + " waiting AS (SELECT id FROM escalation_entry WHERE id = ? AND status = 'WAITING'"
          + " AND EXISTS (SELECT 1 FROM officer) FOR UPDATE SKIP LOCKED),"
          + " entry AS (UPDATE escalation_entry e SET status = 'RINGING'"
          + " FROM waiting WHERE e.id = waiting.id RETURNING e.id)"
          + " INSERT INTO escalation_offer (entry_id, officer_id, offered_at, deadline)"
          + " SELECT entry.id, officer.officer_id, ?, ? FROM officer LEFT JOIN entry ON TRUE"
          + " RETURNING id";

  /**
   * What one try of {@link #RESERVE_TOGETHER} did: the offer, or whether to try another officer.
   */
  private record Reserved(Optional<Offer> offer, boolean callerWaiting) {
    static final Reserved TAKEN = new Reserved(Optional.empty(), true);
    static final Reserved NOT_WAITING = new Reserved(Optional.empty(), false);
  }

  private static Reserved reserveTogether(
      Connection connection, long entryId, String officerId, Instant now, Instant deadline)
      throws SQLException {
    try (PreparedStatement reserve = connection.prepareStatement(RESERVE_TOGETHER)) {
      reserve.setString(1, officerId);
      Transactions.setInstant(reserve, 2, now);
      reserve.setLong(3, entryId);
      reserve.setLong(4, entryId);
      Transactions.setInstant(reserve, 5, now);
      Transactions.setInstant(reserve, 6, deadline);
      try (ResultSet row = reserve.executeQuery()) {
        if (!row.next()) {
          return Reserved.TAKEN;
        }
        return new Reserved(
            Optional.of(new Offer(row.getLong(1), entryId, officerId, now, deadline)), true);
      }
    } catch (SQLException e) {
      if (Transactions.isUniqueViolation(e)) {
        // Another officer was reserved for this caller a moment ago: the unique entry_id refuses
        // the second, as it is meant to.
        return Reserved.TAKEN;
      }
      if (NOT_NULL_VIOLATION.equals(e.getSQLState())) {
        return Reserved.NOT_WAITING;
      }
      throw e;
    }
  }

  private static final String NOT_NULL_VIOLATION = "23502";

  /**
   * Rolls back to {@code undo}, or the whole transaction when it is null, if the match is taken.
   */
  private static Optional<Offer> reserve(
      Connection connection,
      long entryId,
      String officerId,
      Instant now,
      Instant deadline,
      Savepoint undo)
      throws SQLException {
    // The officer's row is locked while still READY, before the caller's, and given the caller
    // only once the caller's row is held: entry_id is a foreign key to the caller, which Derby
    // checks under a shared lock on the caller's row held to commit, and a unique key another
    // reservation of the caller waits on. Set with the first update, the two reservations of one
    // caller by two officers each held what the other needed (BENCHMARKS.md).
    try (PreparedStatement officer =
        connection.prepareStatement(
            "UPDATE escalation_officer SET since = ? WHERE officer_id = ? AND status = 'READY'")) {
      Transactions.setInstant(officer, 1, now);
      officer.setString(2, officerId);
      if (officer.executeUpdate() == 0) {
        rollBack(connection, undo);
        return Optional.empty();
      }
    }
    try (PreparedStatement entry =
        connection.prepareStatement(
            "UPDATE escalation_entry SET status = 'RINGING'"
                + " WHERE id = ? AND status = 'WAITING'")) {
      entry.setLong(1, entryId);
      if (entry.executeUpdate() == 0) {
        rollBack(connection, undo);
        return Optional.empty();
      }
    }
    try (PreparedStatement officer =
        connection.prepareStatement(
            "UPDATE escalation_officer SET status = 'RESERVED', entry_id = ?"
                + " WHERE officer_id = ?")) {
      officer.setLong(1, entryId);
      officer.setString(2, officerId);
      officer.executeUpdate();
    } catch (SQLException e) {
      // The caller's row, held here, keeps every other reservation of this caller out; should a
      // change ever give the caller to an officer some other way, the unique entry_id refuses
      // the second, as it is meant to.
      if (Transactions.isUniqueViolation(e)) {
        rollBack(connection, undo);
        return Optional.empty();
      }
      throw e;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO escalation_offer (entry_id, officer_id, offered_at, deadline)"
                + " VALUES (?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, entryId);
      insert.setString(2, officerId);
      Transactions.setInstant(insert, 3, now);
      Transactions.setInstant(insert, 4, deadline);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return Optional.of(new Offer(keys.getLong(1), entryId, officerId, now, deadline));
      }
    }
  }

  private static void rollBack(Connection connection, Savepoint undo) throws SQLException {
    if (undo == null) {
      connection.rollback();
    } else {
      connection.rollback(undo);
    }
  }

  @Override
  public Optional<Offer> ringing(long entryId) {
    return transactions.run(
        "read the ringing offer of entry " + entryId,
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT "
                      + OFFER_COLUMNS
                      + " FROM escalation_offer WHERE entry_id = ? AND result IS NULL")) {
            query.setLong(1, entryId);
            try (ResultSet row = query.executeQuery()) {
              return row.next() ? Optional.of(offer(row)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public List<Offer> overdue(Instant now) {
    return transactions.run("list overdue offers", connection -> overdue(connection, now));
  }

  private static final String OVERDUE =
      "SELECT " + OFFER_COLUMNS + " FROM escalation_offer WHERE result IS NULL AND deadline < ?";

  /**
   * The first {@link Look#HEAD} callers due now in service order, with a row per officer each tried
   * (or one without), in service order: the page is cut before the join, so it holds {@link
   * Look#HEAD} callers however many officers they tried.
   */
  private static final String HEAD_WITH_TRIED =
      "SELECT e.id, e.call_id, e.queue_name, e.priority, e.language, e.enqueued_at, e.status,"
          + " e.callback_sealed, o.officer_id AS tried FROM (SELECT "
          + ENTRY_COLUMNS
          + " FROM escalation_entry WHERE status = 'WAITING'"
          + " AND (callback_due IS NULL OR callback_due <= ?)"
          + " ORDER BY priority DESC, enqueued_at, id FETCH FIRST "
          + Look.HEAD
          + " ROWS ONLY) e LEFT JOIN escalation_offer o ON o.entry_id = e.id AND o.result IN "
          + MISSES
          + " ORDER BY e.priority DESC, e.enqueued_at, e.id";

  /** {@link #look}'s four reads in one statement string, for PostgreSQL. */
  private static final String LOOK_TOGETHER =
      OVERDUE + ";\n" + ENTRY_WITH_TRIED + ";\n" + OFFICER_ROWS + READY + ";\n" + HEAD_WITH_TRIED;

  /** {@link #HEAD_WITH_TRIED}'s rows as callers in service order, each with the officers tried. */
  private static List<QueuedCall> head(ResultSet rows) throws SQLException {
    Map<Long, QueuedCall> callers = new LinkedHashMap<>();
    Map<Long, Set<String>> tried = new HashMap<>();
    while (rows.next()) {
      long id = rows.getLong("id");
      if (!callers.containsKey(id)) {
        callers.put(id, queuedCall(rows, Set.of()));
      }
      String officer = rows.getString("tried");
      if (officer != null) {
        tried.computeIfAbsent(id, key -> new HashSet<>()).add(officer);
      }
    }
    return withTried(callers.values(), tried);
  }

  /** Each of {@code callers}, in order, with the officers {@code tried} holds for it, if any. */
  private static List<QueuedCall> withTried(
      Collection<QueuedCall> callers, Map<Long, Set<String>> tried) {
    List<QueuedCall> withTried = new ArrayList<>(callers.size());
    for (QueuedCall caller : callers) {
      Set<String> officers = tried.get(caller.id());
      withTried.add(officers == null ? caller : caller.with(caller.status(), officers));
    }
    return withTried;
  }

  private static List<Offer> overdue(Connection connection, Instant now) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(OVERDUE)) {
      Transactions.setInstant(query, 1, now);
      try (ResultSet rows = query.executeQuery()) {
        return overdue(rows);
      }
    }
  }

  private static List<Offer> overdue(ResultSet rows) throws SQLException {
    List<Offer> overdue = new ArrayList<>();
    while (rows.next()) {
      overdue.add(offer(rows));
    }
    // Ordered here, not by the database: every look asks, nearly always for none, and Derby set up
    // a sort for each of those empty answers.
    overdue.sort(Comparator.comparing(Offer::deadline).thenComparingLong(Offer::id));
    return overdue;
  }

  @Override
  public boolean endOffer(long offerId, OfferResult result, int missesBeforeAway, Instant now) {
    Objects.requireNonNull(result, "Result is required.");
    if (result == OfferResult.NOT_REACHED) {
      throw new IllegalArgumentException("A callback not reached is ended by callbackNotReached.");
    }
    return endOffer(offerId, result, missesBeforeAway, now, false);
  }

  @Override
  public boolean expireOffer(long offerId, int missesBeforeAway, Instant now) {
    return endOffer(offerId, OfferResult.NO_ANSWER, missesBeforeAway, now, true);
  }

  /**
   * {@code onlyOverdue}: the offer's own update also requires the deadline before {@code now},
   * decided on the committed row like the other guards, so a claim that moved it meanwhile wins.
   */
  private boolean endOffer(
      long offerId, OfferResult result, int missesBeforeAway, Instant now, boolean onlyOverdue) {
    return transactions.run(
        "end offer " + offerId,
        connection -> {
          Optional<Offer> found = offer(connection, offerId);
          if (found.isEmpty()) {
            return false;
          }
          Offer offer = found.get();
          int officerRows;
          try (PreparedStatement officer = officerUpdate(connection, result)) {
            int i = 1;
            if (result != OfferResult.ANSWERED && result != OfferResult.CALLER_LEFT) {
              int miss = result == OfferResult.REFUSED ? 0 : 1;
              officer.setInt(i++, miss);
              officer.setInt(i++, miss);
              officer.setInt(i++, missesBeforeAway);
            }
            Transactions.setInstant(officer, i++, now);
            officer.setString(i++, offer.officerId());
            officer.setLong(i, offer.entryId());
            officerRows = officer.executeUpdate();
          }
          try (PreparedStatement entry = entryUpdate(connection, result)) {
            int i = 1;
            if (result == OfferResult.ANSWERED || result == OfferResult.CALLER_LEFT) {
              Transactions.setInstant(entry, i++, now);
            }
            entry.setLong(i, offer.entryId());
            entry.executeUpdate();
          }
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE escalation_offer SET result = ?, ended_at = ?"
                      + " WHERE id = ? AND result IS NULL"
                      + (onlyOverdue ? " AND deadline < ?" : ""))) {
            update.setString(1, result.name());
            Transactions.setInstant(update, 2, now);
            update.setLong(3, offerId);
            if (onlyOverdue) {
              Transactions.setInstant(update, 4, now);
            }
            if (update.executeUpdate() == 0 || officerRows == 0) {
              // Already ended by another node (or the caller's end): leave everything as it was.
              connection.rollback();
              return false;
            }
          }
          return true;
        });
  }

  private static PreparedStatement officerUpdate(Connection connection, OfferResult result)
      throws SQLException {
    String guard = " WHERE officer_id = ? AND entry_id = ? AND status = 'RESERVED'";
    switch (result) {
      case ANSWERED:
        return connection.prepareStatement(
            "UPDATE escalation_officer SET status = 'BUSY', misses_in_row = 0, since = ?" + guard);
      case CALLER_LEFT:
        return connection.prepareStatement(
            "UPDATE escalation_officer SET status = 'READY', entry_id = NULL, since = ?" + guard);
      default:
        return connection.prepareStatement(
            "UPDATE escalation_officer SET misses_in_row = misses_in_row + ?,"
                + " status = CASE WHEN misses_in_row + ? >= ? THEN 'AWAY' ELSE 'READY' END,"
                + " entry_id = NULL, since = ?"
                + guard);
    }
  }

  private static PreparedStatement entryUpdate(Connection connection, OfferResult result)
      throws SQLException {
    String guard = " WHERE id = ? AND status = 'RINGING'";
    switch (result) {
      case ANSWERED:
        return connection.prepareStatement(
            // A caller answered again after a transfer keeps their first answer for the figures.
            "UPDATE escalation_entry SET status = 'CONNECTED',"
                + " answered_at = COALESCE(answered_at, ?)"
                + guard);
      case CALLER_LEFT:
        return connection.prepareStatement(
            "UPDATE escalation_entry SET status = 'ENDED', end_reason = 'ABANDONED', ended_at = ?"
                + guard);
      default:
        return connection.prepareStatement(
            "UPDATE escalation_entry SET status = 'WAITING'" + guard);
    }
  }

  @Override
  public void endEntry(long entryId, EntryEnd how, OfficerStatus afterCall, Instant now) {
    Objects.requireNonNull(how, "How the entry ended is required.");
    OfficerStatus.requireAfterCall(afterCall);
    transactions.run(
        "end queue entry " + entryId,
        connection -> {
          freeOfficerOf(connection, entryId, afterCall, now);
          try (PreparedStatement entry =
              connection.prepareStatement(
                  "UPDATE escalation_entry SET status = 'ENDED', end_reason = ?, ended_at = ?"
                      + " WHERE id = ? AND status <> 'ENDED'")) {
            entry.setString(1, how.name());
            Transactions.setInstant(entry, 2, now);
            entry.setLong(3, entryId);
            if (entry.executeUpdate() == 0) {
              connection.rollback();
              return null;
            }
          }
          // Again, now that the caller's row is held: a reservation (or a transfer's) that held
          // the caller while the first update ran gave its officer this caller only after that
          // update had looked (PostgreSQL's statement saw the officer's row as it was before the
          // reservation; Derby's officer was given the caller after the caller's row), and that
          // officer would stay RESERVED for a caller who is gone, with no offer left to end.
          freeOfficerOf(connection, entryId, afterCall, now);
          try (PreparedStatement offers =
              connection.prepareStatement(
                  "UPDATE escalation_offer SET result = 'CALLER_LEFT', ended_at = ?"
                      + " WHERE entry_id = ? AND result IS NULL")) {
            Transactions.setInstant(offers, 1, now);
            offers.setLong(2, entryId);
            offers.executeUpdate();
          }
          return null;
        });
  }

  /**
   * The officer serving or reserved for the entry, if any, freed: {@code afterCall} if BUSY, READY
   * if RESERVED.
   */
  private static void freeOfficerOf(
      Connection connection, long entryId, OfficerStatus afterCall, Instant now)
      throws SQLException {
    try (PreparedStatement officer =
        connection.prepareStatement(
            "UPDATE escalation_officer SET status = CASE WHEN status = 'BUSY' THEN CAST(? AS VARCHAR(16))"
                + " ELSE 'READY' END, entry_id = NULL, since = ? WHERE entry_id = ?")) {
      officer.setString(1, afterCall.name());
      Transactions.setInstant(officer, 2, now);
      officer.setLong(3, entryId);
      officer.executeUpdate();
    }
  }

  @Override
  public boolean setStatus(String officerId, OfficerStatus status, Instant now) {
    if (status == OfficerStatus.RESERVED || status == OfficerStatus.BUSY) {
      throw new IllegalArgumentException("Only a call makes an officer " + status + ".");
    }
    return transactions.run(
        "set officer " + officerId + " " + status,
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE escalation_officer SET status = ?, since = ?, misses_in_row = 0"
                      + " WHERE officer_id = ? AND status NOT IN ('RESERVED', 'BUSY')"
                      + " AND status <> ?")) {
            update.setString(1, status.name());
            Transactions.setInstant(update, 2, now);
            update.setString(3, officerId);
            update.setString(4, status.name());
            if (update.executeUpdate() == 1) {
              return true;
            }
          }
          OfficerState officer =
              officer(connection, officerId)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException("No officer with id '" + officerId + "'."));
          return officer.status() == status;
        });
  }

  @Override
  public void callbackRequested(long entryId, SealedNumber number, Instant now) {
    Objects.requireNonNull(number, "Callback number is required.");
    boolean done =
        transactions.run(
            "record a callback request for entry " + entryId,
            connection -> {
              try (PreparedStatement update =
                  connection.prepareStatement(
                      "UPDATE escalation_entry SET callback_sealed = ?, callback_digest = ?,"
                          + " callback_requested_at = ? WHERE id = ? AND status <> 'ENDED'")) {
                update.setString(1, number.sealed());
                update.setString(2, number.digest());
                Transactions.setInstant(update, 3, now);
                update.setLong(4, entryId);
                return update.executeUpdate() == 1;
              }
            });
    if (!done) {
      throw new IllegalArgumentException("No waiting caller " + entryId + " to call back.");
    }
  }

  @Override
  public List<Offer> unclaimedCallbacks() {
    return transactions.run(
        "list callbacks to place",
        connection -> {
          List<Offer> offers = new ArrayList<>();
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT o.id, o.entry_id, o.officer_id, o.offered_at, o.deadline"
                          + " FROM escalation_offer o JOIN escalation_entry e ON e.id = o.entry_id"
                          + " WHERE o.result IS NULL AND e.callback_sealed IS NOT NULL"
                          + " AND NOT EXISTS (SELECT 1 FROM escalation_callback_attempt a"
                          + " WHERE a.offer_id = o.id) ORDER BY o.offered_at, o.id");
              ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              offers.add(offer(rows));
            }
          }
          return offers;
        });
  }

  /**
   * The attempt's insert is the claim: {@code offer_id} is unique, so of two nodes claiming the
   * same offer the second hits the constraint (or, having waited on the first's row lock, the guard
   * on the offer) and changes nothing.
   */
  @Override
  public Optional<CallbackClaim> claimCallback(
      long offerId, String nodeId, Instant now, Instant deadline) {
    return transactions.run(
        "claim the callback of offer " + offerId,
        connection -> {
          // The caller's row before the offer's, as every transaction that ends an offer takes
          // them (officer, caller, offer): taken the other way, a claim and an overdue offer's
          // end waited on each other.
          Optional<Offer> read = offer(connection, offerId);
          if (read.isEmpty()) {
            return Optional.<CallbackClaim>empty();
          }
          String sealed;
          String digest;
          int attempt;
          try (PreparedStatement count =
              connection.prepareStatement(
                  "UPDATE escalation_entry SET callback_attempts = callback_attempts + 1"
                      + " WHERE id = ? AND callback_sealed IS NOT NULL AND status = 'RINGING'")) {
            count.setLong(1, read.get().entryId());
            if (count.executeUpdate() == 0) {
              connection.rollback();
              return Optional.<CallbackClaim>empty();
            }
          }
          try (PreparedStatement move =
              connection.prepareStatement(
                  "UPDATE escalation_offer SET deadline = ? WHERE id = ? AND result IS NULL")) {
            Transactions.setInstant(move, 1, deadline);
            move.setLong(2, offerId);
            if (move.executeUpdate() == 0) {
              connection.rollback();
              return Optional.<CallbackClaim>empty();
            }
          }
          // Read again it would be the same row with the deadline just set: it is locked, and
          // nothing but its deadline and result ever changes.
          Offer offer =
              new Offer(
                  offerId,
                  read.get().entryId(),
                  read.get().officerId(),
                  read.get().offeredAt(),
                  deadline);
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT callback_sealed, callback_digest, callback_attempts"
                      + " FROM escalation_entry WHERE id = ?")) {
            query.setLong(1, offer.entryId());
            try (ResultSet row = query.executeQuery()) {
              row.next();
              sealed = row.getString(1);
              digest = row.getString(2);
              attempt = row.getInt(3);
            }
          }
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO escalation_callback_attempt"
                      + " (entry_id, attempt_no, officer_id, started_at, offer_id, node_id)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, offer.entryId());
            insert.setInt(2, attempt);
            insert.setString(3, offer.officerId());
            Transactions.setInstant(insert, 4, now);
            insert.setLong(5, offerId);
            insert.setString(6, nodeId);
            insert.executeUpdate();
          } catch (SQLException e) {
            if (Transactions.isUniqueViolation(e)) {
              connection.rollback();
              return Optional.<CallbackClaim>empty();
            }
            throw e;
          }
          return Optional.of(new CallbackClaim(offer, attempt, new SealedNumber(sealed, digest)));
        });
  }

  @Override
  public void callbackNotReached(CallbackClaim claim, String cause, Instant retryAt, Instant now) {
    Objects.requireNonNull(cause, "Cause is required.");
    transactions.run(
        "record callback attempt " + claim.attemptNo() + " of entry " + claim.entryId(),
        connection -> {
          // Officer first, then caller, then offer: the order every transaction keeps.
          try (PreparedStatement officer =
              connection.prepareStatement(
                  "UPDATE escalation_officer SET status = 'READY', entry_id = NULL, since = ?"
                      + " WHERE officer_id = ? AND entry_id = ? AND status = 'RESERVED'")) {
            Transactions.setInstant(officer, 1, now);
            officer.setString(2, claim.offer().officerId());
            officer.setLong(3, claim.entryId());
            officer.executeUpdate();
          }
          try (PreparedStatement entry =
              retryAt == null
                  ? connection.prepareStatement(
                      "UPDATE escalation_entry SET status = 'ENDED', end_reason = 'CALLBACK_FAILED',"
                          + " ended_at = ? WHERE id = ? AND status = 'RINGING'")
                  : connection.prepareStatement(
                      "UPDATE escalation_entry SET status = 'WAITING', callback_due = ?"
                          + " WHERE id = ? AND status = 'RINGING'")) {
            Transactions.setInstant(entry, 1, retryAt == null ? now : retryAt);
            entry.setLong(2, claim.entryId());
            entry.executeUpdate();
          }
          try (PreparedStatement offer =
              connection.prepareStatement(
                  "UPDATE escalation_offer SET result = 'NOT_REACHED', ended_at = ?"
                      + " WHERE id = ? AND result IS NULL")) {
            Transactions.setInstant(offer, 1, now);
            offer.setLong(2, claim.offer().id());
            if (offer.executeUpdate() == 0) {
              connection.rollback();
              return null;
            }
          }
          endAttempt(connection, claim.entryId(), claim.attemptNo(), cause, now);
          return null;
        });
  }

  @Override
  public void callbackAttemptEnded(long entryId, int attemptNo, String result, Instant now) {
    transactions.run(
        "record callback attempt " + attemptNo + " of entry " + entryId,
        connection -> {
          endAttempt(connection, entryId, attemptNo, result, now);
          return null;
        });
  }

  private static void endAttempt(
      Connection connection, long entryId, int attemptNo, String result, Instant now)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE escalation_callback_attempt SET result = ?, ended_at = ?"
                + " WHERE entry_id = ? AND attempt_no = ? AND result IS NULL")) {
      update.setString(1, clip(result, 24));
      Transactions.setInstant(update, 2, now);
      update.setLong(3, entryId);
      update.setInt(4, attemptNo);
      update.executeUpdate();
    }
  }

  @Override
  public int expireCallbacks(Instant requestedBefore, Instant now) {
    return transactions.run(
        "expire old callbacks",
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE escalation_entry SET status = 'ENDED', end_reason = 'CALLBACK_EXPIRED',"
                      + " ended_at = ? WHERE status = 'WAITING' AND callback_sealed IS NOT NULL"
                      + " AND callback_requested_at < ?")) {
            Transactions.setInstant(update, 1, now);
            Transactions.setInstant(update, 2, requestedBefore);
            return update.executeUpdate();
          }
        });
  }

  @Override
  public int cancelCallbacks(String digest, Instant now) {
    return transactions.run(
        "cancel a caller's callbacks",
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE escalation_entry SET status = 'ENDED', end_reason = 'CALLBACK_CANCELLED',"
                      + " ended_at = ? WHERE callback_digest = ? AND status = 'WAITING'")) {
            Transactions.setInstant(update, 1, now);
            update.setString(2, digest);
            return update.executeUpdate();
          }
        });
  }

  @Override
  public Optional<Duration> averageHandling(String queue, int lastCalls) {
    return transactions.run(
        "average the handling time of " + queue,
        connection -> averageHandling(connection, queue, lastCalls));
  }

  private static Optional<Duration> averageHandling(
      Connection connection, String queue, int lastCalls) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT answered_at, ended_at FROM escalation_entry WHERE queue_name = ?"
                + " AND answered_at IS NOT NULL AND ended_at IS NOT NULL"
                + " ORDER BY ended_at DESC")) {
      query.setString(1, queue);
      query.setMaxRows(lastCalls);
      Duration total = Duration.ZERO;
      int calls = 0;
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          total =
              total.plus(
                  Duration.between(
                      Transactions.instant(rows, "answered_at"),
                      Transactions.instant(rows, "ended_at")));
          calls++;
        }
      }
      return calls == 0 ? Optional.empty() : Optional.of(total.dividedBy(calls));
    }
  }

  @Override
  public boolean beat(String nodeId, Instant started, Instant now) {
    return nodes.beat(nodeId, started, now);
  }

  @Override
  public Map<String, Instant> lastBeats() {
    return nodes.lastBeats();
  }

  @Override
  public List<CallbackClaim> callbackCallsOf(String nodeId) {
    return nodes.callbackCallsOf(nodeId);
  }

  @Override
  public boolean forget(String nodeId, Instant lastBeat) {
    return nodes.forget(nodeId, lastBeat);
  }

  @Override
  public int endOrphans(String nodeId, Instant now) {
    List<Long> orphans =
        transactions.run(
            "find the callers of node " + nodeId,
            connection -> {
              List<Long> ids = new ArrayList<>();
              try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT id FROM escalation_entry WHERE node_id = ? AND status <> 'ENDED'"
                          + " AND callback_sealed IS NULL")) {
                query.setString(1, nodeId);
                try (ResultSet rows = query.executeQuery()) {
                  while (rows.next()) {
                    ids.add(rows.getLong(1));
                  }
                }
              }
              return ids;
            });
    orphans.forEach(id -> endEntry(id, EntryEnd.SYSTEM, OfficerStatus.READY, now));
    return orphans.size();
  }

  @Override
  public List<EntryFacts> entryFacts(Instant from, Instant to) {
    return transactions.run(
        "read the entries' facts",
        connection -> {
          List<EntryFacts> facts = new ArrayList<>();
          try (PreparedStatement query =
              connection.prepareStatement(
                  // A transferred caller counts once (their first answer, by its officer) and in
                  // the queue they joined (the first transfer's origin).
                  "SELECT COALESCE((SELECT t.from_queue FROM escalation_transfer t"
                      + " WHERE t.id = (SELECT MIN(t2.id) FROM escalation_transfer t2"
                      + " WHERE t2.entry_id = e.id)), e.queue_name) AS queue_name,"
                      + " e.enqueued_at, e.answered_at, e.ended_at, e.end_reason,"
                      + " e.callback_requested_at, o.officer_id FROM escalation_entry e"
                      + " LEFT JOIN escalation_offer o ON o.id = (SELECT MIN(o2.id)"
                      + " FROM escalation_offer o2 WHERE o2.entry_id = e.id"
                      + " AND o2.result = 'ANSWERED')"
                      + " WHERE e.enqueued_at >= ? AND e.enqueued_at < ?")) {
            Transactions.setInstant(query, 1, from);
            Transactions.setInstant(query, 2, to);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                String end = rows.getString("end_reason");
                facts.add(
                    new EntryFacts(
                        rows.getString("queue_name"),
                        Transactions.instant(rows, "enqueued_at"),
                        Optional.ofNullable(Transactions.instant(rows, "answered_at")),
                        Optional.ofNullable(Transactions.instant(rows, "ended_at")),
                        Optional.ofNullable(end).map(EntryEnd::valueOf),
                        rows.getTimestamp("callback_requested_at") != null,
                        Optional.ofNullable(rows.getString("officer_id"))));
              }
            }
          }
          return facts;
        });
  }

  @Override
  public List<OfferFacts> offerFacts(Instant from, Instant to) {
    return transactions.run(
        "read the offers' facts",
        connection -> {
          List<OfferFacts> facts = new ArrayList<>();
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT officer_id, result FROM escalation_offer"
                      + " WHERE offered_at >= ? AND offered_at < ?")) {
            Transactions.setInstant(query, 1, from);
            Transactions.setInstant(query, 2, to);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                facts.add(
                    new OfferFacts(
                        rows.getString("officer_id"),
                        Optional.ofNullable(rows.getString("result")).map(OfferResult::valueOf)));
              }
            }
          }
          return facts;
        });
  }

  private static Optional<Offer> offer(Connection connection, long offerId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT " + OFFER_COLUMNS + " FROM escalation_offer WHERE id = ?")) {
      query.setLong(1, offerId);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(offer(row)) : Optional.empty();
      }
    }
  }

  private static Offer offer(ResultSet row) throws SQLException {
    return new Offer(
        row.getLong("id"),
        row.getLong("entry_id"),
        row.getString("officer_id"),
        Transactions.instant(row, "offered_at"),
        Transactions.instant(row, "deadline"));
  }

  private static OfficerState officerState(ResultSet row) throws SQLException {
    return new OfficerState(
        row.getString("officer_id"),
        OfficerStatus.valueOf(row.getString("status")),
        Transactions.instant(row, "since"),
        row.getInt("misses_in_row"),
        row.getLong("entry_id"));
  }

  private static QueuedCall queuedCall(ResultSet row, Set<String> tried) throws SQLException {
    return new QueuedCall(
        row.getLong("id"),
        row.getString("call_id"),
        row.getString("queue_name"),
        row.getInt("priority"),
        row.getString("language"),
        Transactions.instant(row, "enqueued_at"),
        EntryStatus.valueOf(row.getString("status")),
        tried,
        Optional.ofNullable(row.getString("callback_sealed")));
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  @Override
  public TransferOutcome transfer(
      long entryId,
      String officerId,
      String toQueue,
      String toOfficer,
      Instant now,
      Instant deadline) {
    Objects.requireNonNull(officerId, "Officer is required.");
    Objects.requireNonNull(toQueue, "Queue is required.");
    return transactions.run(
        "transfer entry " + entryId + " from officer " + officerId,
        connection -> {
          // The transferring officer's row first (as every transaction here: officers, then the
          // caller, then offers), freed before the named officer takes the caller's entry id.
          try (PreparedStatement officer =
              connection.prepareStatement(
                  "UPDATE escalation_officer SET status = 'WRAP_UP', entry_id = NULL, since = ?"
                      + " WHERE officer_id = ? AND entry_id = ? AND status = 'BUSY'")) {
            Transactions.setInstant(officer, 1, now);
            officer.setString(2, officerId);
            officer.setLong(3, entryId);
            if (officer.executeUpdate() == 0) {
              connection.rollback();
              return new TransferOutcome.Refused(TransferOutcome.Why.NOT_YOUR_CALLER);
            }
          }
          String fromQueue;
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT queue_name FROM escalation_entry WHERE id = ? AND status = 'CONNECTED'")) {
            query.setLong(1, entryId);
            try (ResultSet row = query.executeQuery()) {
              if (!row.next()) {
                connection.rollback();
                return new TransferOutcome.Refused(TransferOutcome.Why.NOT_YOUR_CALLER);
              }
              fromQueue = row.getString(1);
            }
          }
          try (PreparedStatement entry =
              connection.prepareStatement(
                  "UPDATE escalation_entry SET status = 'WAITING', queue_name = ?"
                      + " WHERE id = ? AND status = 'CONNECTED'")) {
            entry.setString(1, toQueue);
            entry.setLong(2, entryId);
            if (entry.executeUpdate() == 0) {
              connection.rollback();
              return new TransferOutcome.Refused(TransferOutcome.Why.NOT_YOUR_CALLER);
            }
          }
          long answered;
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT MAX(id) FROM escalation_offer"
                      + " WHERE entry_id = ? AND officer_id = ? AND result = 'ANSWERED'")) {
            query.setLong(1, entryId);
            query.setString(2, officerId);
            try (ResultSet row = query.executeQuery()) {
              row.next();
              answered = row.getLong(1);
            }
          }
          Transfer transfer =
              new Transfer(
                  entryId,
                  officerId,
                  answered,
                  fromQueue,
                  toQueue,
                  Optional.ofNullable(toOfficer),
                  now);
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO escalation_transfer (entry_id, officer_id, answered_offer_id,"
                      + " from_queue, to_queue, to_officer, transferred_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, entryId);
            insert.setString(2, officerId);
            insert.setLong(3, answered);
            insert.setString(4, fromQueue);
            insert.setString(5, toQueue);
            insert.setString(6, toOfficer);
            Transactions.setInstant(insert, 7, now);
            insert.executeUpdate();
          }
          if (toOfficer == null) {
            return new TransferOutcome.Transferred(transfer, Optional.empty());
          }
          // reserve() rolls the whole transaction back when the officer is not READY.
          Optional<Offer> offered = reserve(connection, entryId, toOfficer, now, deadline);
          if (offered.isEmpty()) {
            return new TransferOutcome.Refused(TransferOutcome.Why.OFFICER_NOT_READY);
          }
          return new TransferOutcome.Transferred(transfer, offered);
        });
  }

  @Override
  public List<Transfer> transfers(long entryId) {
    return transactions.run(
        "read the transfers of entry " + entryId,
        connection -> {
          List<Transfer> transfers = new ArrayList<>();
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT officer_id, answered_offer_id, from_queue, to_queue, to_officer,"
                      + " transferred_at FROM escalation_transfer WHERE entry_id = ? ORDER BY id")) {
            query.setLong(1, entryId);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                transfers.add(
                    new Transfer(
                        entryId,
                        rows.getString("officer_id"),
                        rows.getLong("answered_offer_id"),
                        rows.getString("from_queue"),
                        rows.getString("to_queue"),
                        Optional.ofNullable(rows.getString("to_officer")),
                        Transactions.instant(rows, "transferred_at")));
              }
            }
          }
          return transfers;
        });
  }
}
