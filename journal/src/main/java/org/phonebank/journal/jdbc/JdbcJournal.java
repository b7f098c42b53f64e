// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardFingerprinter;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.Journal;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.journal.OverDailyLimit;
import org.phonebank.journal.Reservation;
import org.phonebank.journal.TransactionType;
import org.phonebank.lockout.LockoutState;
import org.phonebank.lockout.PinTry;
import org.phonebank.money.Rials;

/**
 * The journal in the {@code switch_journal} table. Every call commits before it returns, so an
 * entry opened before a crash is still there, PENDING, after the restart, which is what
 * store-and-forward and reconciliation read. The card is written masked, plus its keyed fingerprint
 * so that daily limits can recognise it; its digits never are. The terminal id is this node's ISO
 * 8583 field 41, stored with each entry because STAN and RRN are unique only per terminal.
 *
 * <p>Every state change is one guarded {@code UPDATE ... WHERE state IN (...)}, so two nodes or
 * threads racing on the same entry cannot both move it; the loser re-reads the row and either finds
 * its own move already made (a harmless repeat) or is told which state stands in its way.
 */
public final class JdbcJournal implements Journal {

  static final String COLUMNS =
      "id, call_id, type, stan, rrn, transmitted_at, masked_card, amount, state, response_code, updated_at";

  /**
   * What counts against a daily limit: every state but the three that certainly moved nothing
   * (declined, reversed, never sent). Written as an exclusion so that a state added later counts,
   * which is the safe side.
   */
  private static final String COUNTS_AGAINST_LIMIT =
      " AND state NOT IN ('DECLINED', 'REVERSED', 'UNREACHABLE')";

  /** A first reservation of a card's day racing another: the loser starts again and queues. */
  private static final int DAY_ROW_ATTEMPTS = 3;

  private final DataSource dataSource;
  private final String terminalId;
  private final CardFingerprinter fingerprints;
  private final Clock clock;
  private final JournalIdBlocks ids;
  private final GroupCommit writes;

  /**
   * Entries this journal opened and has not moved since, so that a state change returns the entry
   * without reading its row back. Only the fields no statement ever changes are taken from here
   * (id, call, type, ids, card, amount); state, response code and time are the ones just written.
   * An entry a failed write left here is taken out by its next move (the sweep's); past {@link
   * #MAX_REMEMBERED} entries new ones are not remembered and their moves read the row back.
   */
  private final Map<Long, JournalEntry> opened = new ConcurrentHashMap<>();

  static final int MAX_REMEMBERED = 10_000;

  /**
   * How far behind the clock the mark stays at least ({@link #swept}): the time between a call
   * taking its transmission time and its open beginning, when this node's opens are tracked ({@link
   * OpensInProgress}). A thread held up longer than this between the two could journal an entry
   * behind the mark, which {@link #unfinished} would then read only through the advice queue.
   */
  static final Duration MARK_LAG = Duration.ofMinutes(1);

  /** Reads a terminal's entries from a time on along V30's (terminal, transmitted_at) index. */
  private static final String BY_TERMINAL_AND_TIME =
      " --DERBY-PROPERTIES index = SWITCH_JOURNAL_BUSINESS_IX\n ";

  /** Reversals not yet settled, and closed by an operator (journalled REVERSED after the close). */
  private static final String REVERSAL_WAITING = "('ARMED', 'RELEASED', 'DEAD_LETTER', 'CLOSED')";

  private final OpensInProgress opening = new OpensInProgress();

  /**
   * @param fingerprintKey the bank's card fingerprint secret (at least 32 bytes), the same on every
   *     node
   * @param clock the time source; its zone is the bank's (Asia/Tehran) and decides where "today"
   *     starts
   */
  public JdbcJournal(DataSource dataSource, String terminalId, byte[] fingerprintKey, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
    this.terminalId = TerminalIds.checked(terminalId);
    this.fingerprints = FingerprintKeys.fingerprinter(fingerprintKey);
    this.clock = Objects.requireNonNull(clock, "Clock is required.");
    this.ids = new JournalIdBlocks(dataSource, JournalIdBlocks.DEFAULT_BLOCK);
    this.writes = new GroupCommit(dataSource);
  }

  @Override
  public JournalEntry open(
      String callId, TransactionType type, TransactionIds ids, CardNumber card, Rials amount) {
    Objects.requireNonNull(callId, "Call id is required.");
    Objects.requireNonNull(type, "Transaction type is required.");
    Objects.requireNonNull(ids, "Transaction ids are required.");
    Objects.requireNonNull(card, "Card is required.");
    if (amount != null && amount.isNegative()) {
      throw new IllegalArgumentException("A request amount cannot be negative.");
    }
    Object inProgress = opening.begin(ids.transmittedAt());
    try {
      // The id is chosen before the write, so a group run again writes the same entry. Committed
      // with whatever other calls journal at the same moment (GroupCommit); lock contention is
      // rolled back whole and retried with back-off there: refusing the caller would be worse.
      long id = this.ids.next();
      String fingerprint = fingerprints.of(card).hex();
      return remembered(
          writes.runStatement(
              connection ->
                  insertPending(connection, id, callId, type, ids, card, fingerprint, amount)));
    } catch (SQLException e) {
      throw notJournalled(ids, e);
    } finally {
      opening.end(inProgress);
    }
  }

  /**
   * The try is taken ({@link JdbcCardLockouts.Try#take}) and the entry inserted in one transaction;
   * a refused try inserts nothing.
   *
   * <p>Not group-committed, as {@link #openWithinDailyLimit} is not: the transaction holds the
   * card's lockout row, so every call joined to it would wait behind that card's queue, and two
   * groups holding two cards' rows in opposite order deadlock (on Derby each waits the deadlock
   * time-out, 20 s by default, stalling every call in both groups: a load of guesses on three cards
   * stalled for minutes). Alone, a transaction holds one card's row, so none can deadlock.
   */
  @Override
  public Optional<JournalEntry> openTakingTry(
      String callId, TransactionType type, TransactionIds ids, CardNumber card, PinTry pinTry) {
    Objects.requireNonNull(callId, "Call id is required.");
    Objects.requireNonNull(type, "Transaction type is required.");
    Objects.requireNonNull(ids, "Transaction ids are required.");
    Objects.requireNonNull(card, "Card is required.");
    JdbcCardLockouts.Try pinTryHere = JdbcCardLockouts.Try.of(pinTry);
    if (!pinTryHere.card().equals(card)) {
      throw new IllegalArgumentException("A PIN try is taken on the card of its entry.");
    }
    String fingerprint = fingerprints.of(card).hex();
    Object inProgress = opening.begin(ids.transmittedAt());
    try {
      return openTakingTry(callId, type, ids, card, pinTryHere, fingerprint);
    } finally {
      opening.end(inProgress);
    }
  }

  private Optional<JournalEntry> openTakingTry(
      String callId,
      TransactionType type,
      TransactionIds ids,
      CardNumber card,
      JdbcCardLockouts.Try pinTryHere,
      String fingerprint) {
    for (int attempt = 1; ; attempt++) {
      try {
        long id = this.ids.next();
        JournalEntry entry =
            Transactions.inOne(
                dataSource,
                connection ->
                    pinTryHere.take(connection)
                        ? insertPending(connection, id, callId, type, ids, card, fingerprint, null)
                        : null);
        return Optional.ofNullable(entry).map(this::remembered);
      } catch (SQLException e) {
        if (!(e instanceof JdbcCardLockouts.FirstRowRace) || attempt == JdbcCardLockouts.ATTEMPTS) {
          throw notJournalled(ids, e);
        }
      }
    }
  }

  private RuntimeException notJournalled(TransactionIds ids, SQLException e) {
    if (Sql.isUniqueViolation(e)) {
      return new IllegalStateException(
          "STAN "
              + ids.stan()
              + " / RRN "
              + ids.rrn()
              + " of terminal "
              + terminalId
              + " is already journalled.",
          e);
    }
    return new JournalStoreException(
        "Could not journal STAN " + ids.stan() + " before sending it.", e);
  }

  /**
   * Takes the card's row for the business day of {@code ids.transmittedAt()} in {@code
   * card_day_limit} (an UPDATE, or an INSERT for the first reservation of that day), which queues
   * every other reservation of that card and day behind this transaction; sums what counts in the
   * journal; and journals the movement PENDING only if it fits. All in one transaction, so the sum
   * cannot change between the check and the insert. Lock time-outs and deadlocks are retried whole
   * by {@link Transactions}; two first reservations of a day both inserting the row make the loser
   * start again, when it finds the row and queues.
   */
  @Override
  public Reservation openWithinDailyLimit(
      String callId,
      TransactionType type,
      TransactionIds ids,
      CardNumber card,
      Rials amount,
      Rials dailyLimit) {
    Objects.requireNonNull(callId, "Call id is required.");
    Objects.requireNonNull(type, "Transaction type is required.");
    Objects.requireNonNull(ids, "Transaction ids are required.");
    Objects.requireNonNull(card, "Card is required.");
    Objects.requireNonNull(dailyLimit, "Daily limit is required.");
    if (!type.movesMoney()) {
      throw new IllegalArgumentException("A " + type + " moves no money and has no daily limit.");
    }
    if (amount == null || !amount.isPositive()) {
      throw new IllegalArgumentException("A money movement needs a positive amount.");
    }
    if (dailyLimit.isNegative()) {
      throw new IllegalArgumentException("A daily limit cannot be negative.");
    }
    Object inProgress = opening.begin(ids.transmittedAt());
    try {
      return openWithinDailyLimit(
          callId, type, ids, card, amount, dailyLimit, fingerprints.of(card).hex());
    } finally {
      opening.end(inProgress);
    }
  }

  private Reservation openWithinDailyLimit(
      String callId,
      TransactionType type,
      TransactionIds ids,
      CardNumber card,
      Rials amount,
      Rials dailyLimit,
      String fingerprint) {
    LocalDate day = LocalDate.ofInstant(ids.transmittedAt(), clock.getZone());
    for (int attempt = 1; ; attempt++) {
      try {
        long id = this.ids.next();
        // Not group-committed: this transaction holds the card's day row, and every call joined to
        // it would wait behind that card's queue.
        Reservation reservation =
            Transactions.inOne(
                dataSource,
                connection -> {
                  takeDay(connection, fingerprint, day);
                  Rials left = dailyLimit.minus(used(connection, fingerprint, type, day));
                  if (amount.compareTo(left) > 0) {
                    return new OverDailyLimit(left.isNegative() ? Rials.zero() : left);
                  }
                  return new Reservation.Reserved(
                      insertPending(connection, id, callId, type, ids, card, fingerprint, amount));
                });
        if (reservation instanceof Reservation.Reserved reserved) {
          remembered(reserved.entry());
        }
        return reservation;
      } catch (FirstOfTheDayRace race) {
        if (attempt == DAY_ROW_ATTEMPTS) {
          throw new JournalStoreException(
              "Could not reserve " + amount + " of card " + card + "'s day.", race.getCause());
        }
      } catch (SQLException e) {
        throw notJournalled(ids, e);
      }
    }
  }

  private JournalEntry remembered(JournalEntry entry) {
    if (opened.size() < MAX_REMEMBERED) {
      opened.put(entry.id(), entry);
    }
    return entry;
  }

  /** Locks the card's row for {@code day} until the transaction ends, creating it if need be. */
  private void takeDay(Connection connection, String fingerprint, LocalDate day)
      throws SQLException {
    Instant now = now();
    try (PreparedStatement take =
        connection.prepareStatement(
            "UPDATE card_day_limit SET updated_at = ? WHERE card_fingerprint = ?"
                + " AND business_date = ?")) {
      Sql.setInstant(take, 1, now);
      take.setString(2, fingerprint);
      take.setDate(3, Date.valueOf(day));
      if (take.executeUpdate() == 1) {
        return;
      }
    }
    try (PreparedStatement first =
        connection.prepareStatement(
            "INSERT INTO card_day_limit (card_fingerprint, business_date, updated_at)"
                + " VALUES (?, ?, ?)")) {
      first.setString(1, fingerprint);
      first.setDate(2, Date.valueOf(day));
      Sql.setInstant(first, 3, now);
      first.executeUpdate();
    } catch (SQLException e) {
      // PostgreSQL aborts the transaction on a unique violation, so the loser cannot just UPDATE
      // now: it is rolled back and starts again.
      if (Sql.isUniqueViolation(e)) {
        throw new FirstOfTheDayRace(e);
      }
      throw e;
    }
  }

  /** The sum of {@code type} amounts of the card's {@code day} that count against its limit. */
  private Rials used(Connection connection, String fingerprint, TransactionType type, LocalDate day)
      throws SQLException {
    ZoneId zone = clock.getZone();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT COALESCE(SUM(amount), 0) FROM switch_journal WHERE card_fingerprint = ?"
                + " AND type = ? AND transmitted_at >= ? AND transmitted_at < ?"
                + COUNTS_AGAINST_LIMIT)) {
      query.setString(1, fingerprint);
      query.setString(2, type.name());
      Sql.setInstant(query, 3, day.atStartOfDay(zone).toInstant());
      Sql.setInstant(query, 4, day.plusDays(1).atStartOfDay(zone).toInstant());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return Rials.of(row.getLong(1));
      }
    }
  }

  /** Thrown inside the transaction so that it is rolled back, caught outside to start again. */
  private static final class FirstOfTheDayRace extends SQLException {
    private static final long serialVersionUID = 1L;

    FirstOfTheDayRace(SQLException cause) {
      super("Another call reserved this card's day first.", cause.getSQLState(), cause);
    }
  }

  private JournalEntry insertPending(
      Connection connection,
      long id,
      String callId,
      TransactionType type,
      TransactionIds ids,
      CardNumber card,
      String fingerprint,
      Rials amount)
      throws SQLException {
    Instant now = now();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO switch_journal (id, call_id, type, stan, rrn, terminal_id, transmitted_at,"
                + " masked_card, card_fingerprint, amount, state, response_code, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)")) {
      insert.setLong(1, id);
      insert.setString(2, callId);
      insert.setString(3, type.name());
      insert.setInt(4, ids.stan().value());
      insert.setString(5, ids.rrn().value());
      insert.setString(6, terminalId);
      Sql.setInstant(insert, 7, ids.transmittedAt());
      insert.setString(8, card.masked());
      insert.setString(9, fingerprint);
      if (amount == null) {
        insert.setNull(10, Types.BIGINT);
      } else {
        insert.setLong(10, amount.value());
      }
      insert.setString(11, EntryState.PENDING.name());
      Sql.setInstant(insert, 12, now);
      Sql.setInstant(insert, 13, now);
      // Made before the INSERT, so that nothing can fail once it ran (GroupCommit#runStatement).
      JournalEntry entry =
          new JournalEntry(
              id, callId, type, ids, card.masked(), amount, EntryState.PENDING, null, now);
      insert.executeUpdate();
      return entry;
    }
  }

  @Override
  public JournalEntry close(long entryId, SwitchOutcome outcome) {
    return close(entryId, outcome, null);
  }

  /**
   * Closes the entry and settles its try ({@link JdbcCardLockouts.Try#settle}) in the same
   * transaction, only if this close moved it from PENDING; not group-committed, for the reason
   * {@link #openTakingTry} gives.
   */
  @Override
  public LockoutState closeSettlingTry(long entryId, SwitchOutcome outcome, PinTry pinTry) {
    JdbcCardLockouts.Try pinTryHere = JdbcCardLockouts.Try.of(pinTry);
    PinTry.Settlement settlement = PinTry.Settlement.of(Objects.requireNonNull(outcome));
    for (int attempt = 1; ; attempt++) {
      LockoutState[] settled = new LockoutState[1];
      try {
        close(
            entryId,
            outcome,
            (connection, moved) ->
                settled[0] = moved ? pinTryHere.settle(connection, settlement) : null);
      } catch (JournalStoreException e) {
        if (!(e.getCause() instanceof JdbcCardLockouts.FirstRowRace)
            || attempt == JdbcCardLockouts.ATTEMPTS) {
          throw e;
        }
        continue;
      }
      if (settled[0] == null) {
        // Already closed (by the sweeper, as abandoned): the try stays held, counted as taken.
        throw new IllegalStateException(
            "Journal entry " + entryId + " was not PENDING: its PIN try was not settled.");
      }
      return settled[0];
    }
  }

  /** What runs in a move's transaction right after its UPDATE, told whether the row moved. */
  @FunctionalInterface
  private interface AfterMove {
    void run(Connection connection, boolean moved) throws SQLException;
  }

  private JournalEntry close(long entryId, SwitchOutcome outcome, AfterMove afterMove) {
    Objects.requireNonNull(outcome, "Outcome is required.");
    EntryState state = JournalledSwitch.stateOf(outcome);
    String responseCode =
        outcome instanceof SwitchOutcome.Declined declined ? declined.responseCode() : null;
    // Field 15: the business date the switch settles the request under, which reconciliation
    // matches the entry on (it may differ from the local clock's day around the cut-over).
    LocalDate settlementDate =
        outcome instanceof SwitchOutcome.Approved approved
            ? approved.settlementDate()
            : outcome instanceof SwitchOutcome.Declined declined ? declined.settlementDate() : null;
    JournalEntry entry =
        move(entryId, state, responseCode, settlementDate, "state = 'PENDING'", "", afterMove);
    if (entry.state() != state) {
      throw new IllegalStateException(
          "Journal entry "
              + entryId
              + " is already "
              + entry.state()
              + ", cannot close it as "
              + state
              + ".");
    }
    return entry;
  }

  @Override
  public JournalEntry reversing(long entryId) {
    JournalEntry entry =
        move(entryId, EntryState.REVERSING, null, null, "state = 'PENDING'", moneyOnly());
    if (entry.state() != EntryState.REVERSING && entry.state() != EntryState.REVERSED) {
      throw new IllegalStateException(
          "Journal entry "
              + entryId
              + " ("
              + entry.type()
              + ") is "
              + entry.state()
              + ": only a PENDING money movement can wait for a reversal.");
    }
    return entry;
  }

  @Override
  public JournalEntry reversed(long entryId) {
    // A late or repeated 0430 for an entry settled otherwise must not rewrite it: it is returned as
    // it is.
    return move(
        entryId, EntryState.REVERSED, null, null, "state IN ('PENDING', 'REVERSING')", moneyOnly());
  }

  /**
   * Entries of this terminal that are not final, oldest first: another node recovers its own. Read
   * in two parts, neither along an index a close rewrites (V35): the entries transmitted since the
   * terminal's mark ({@link #swept}), and, behind it, those whose reversal the advice queue has not
   * settled or an operator closed; every other entry behind the mark is final.
   */
  @Override
  public List<JournalEntry> unfinished() {
    try (Connection connection = dataSource.getConnection()) {
      Optional<Instant> mark = mark(connection);
      Map<Long, JournalEntry> unfinished = new TreeMap<>();
      try (PreparedStatement query =
          connection.prepareStatement(
              "SELECT "
                  + COLUMNS
                  + " FROM switch_journal"
                  + BY_TERMINAL_AND_TIME
                  + "WHERE terminal_id = ? AND transmitted_at >= ?"
                  + " AND state IN ('PENDING', 'REVERSING')")) {
        query.setString(1, terminalId);
        Sql.setInstant(query, 2, mark.orElse(Instant.EPOCH));
        entries(query).forEach(entry -> unfinished.put(entry.id(), entry));
      }
      if (mark.isPresent()) {
        try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT j."
                    + COLUMNS.replace(", ", ", j.")
                    + " FROM advice_queue a JOIN switch_journal j ON j.id = a.journal_entry_id"
                    + " WHERE a.state IN "
                    + REVERSAL_WAITING
                    + " AND j.terminal_id = ? AND j.transmitted_at < ?"
                    + " AND j.state IN ('PENDING', 'REVERSING')")) {
          query.setString(1, terminalId);
          Sql.setInstant(query, 2, mark.get());
          entries(query).forEach(entry -> unfinished.put(entry.id(), entry));
        }
      }
      return List.copyOf(unfinished.values());
    } catch (SQLException e) {
      throw new JournalStoreException("Could not read the unfinished journal entries.", e);
    }
  }

  /**
   * Moves this terminal's mark up to its oldest entry that {@link #unfinished} could not find
   * behind the mark: one still PENDING, or REVERSING with its reversal acknowledged (the journal's
   * update lost) or with none; and never past {@link #MARK_LAG} before now or an open in progress.
   * Entries behind the mark are then read only through the advice queue, which holds each one that
   * can still change: an entry's reversal reaches ACKNOWLEDGED only after the entry is REVERSED
   * (StoreAndForward journals first), and CLOSED ones are read. Called at the end of each sweep.
   */
  @Override
  public void swept() {
    Instant cut = now().minus(MARK_LAG);
    Optional<Instant> opens = opening.oldest();
    if (opens.isPresent() && opens.get().isBefore(cut)) {
      cut = opens.get();
    }
    Instant upTo = cut;
    try {
      Transactions.inOne(
          dataSource,
          connection -> {
            Optional<Instant> mark = mark(connection);
            Instant from = mark.orElse(Instant.EPOCH);
            if (!upTo.isAfter(from)) {
              return null;
            }
            Instant next = oldestHolding(connection, from, upTo).orElse(upTo);
            if (!next.isAfter(from)) {
              return null;
            }
            if (mark.isPresent()) {
              try (PreparedStatement update =
                  connection.prepareStatement(
                      "UPDATE switch_journal_mark SET open_from = ?, updated_at = ?"
                          + " WHERE terminal_id = ? AND open_from < ?")) {
                Sql.setInstant(update, 1, next);
                Sql.setInstant(update, 2, now());
                update.setString(3, terminalId);
                Sql.setInstant(update, 4, next);
                update.executeUpdate();
              }
            } else {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO switch_journal_mark (terminal_id, open_from, updated_at)"
                          + " VALUES (?, ?, ?)")) {
                insert.setString(1, terminalId);
                Sql.setInstant(insert, 2, next);
                Sql.setInstant(insert, 3, now());
                insert.executeUpdate();
              }
            }
            return null;
          });
    } catch (SQLException e) {
      if (!Sql.isUniqueViolation(e)) {
        throw new JournalStoreException("Could not move the journal's mark.", e);
      }
      // Another sweep of this terminal wrote the first mark: the next sweep moves it.
    }
  }

  private Optional<Instant> mark(Connection connection) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT open_from FROM switch_journal_mark WHERE terminal_id = ?")) {
      query.setString(1, terminalId);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(Sql.getInstant(row, "open_from")) : Optional.empty();
      }
    }
  }

  /** The oldest entry between the two times that must stay in front of the mark. */
  private Optional<Instant> oldestHolding(Connection connection, Instant from, Instant upTo)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT MIN(j.transmitted_at) AS oldest FROM switch_journal j"
                + BY_TERMINAL_AND_TIME
                + "LEFT JOIN advice_queue a ON a.journal_entry_id = j.id"
                + " WHERE j.terminal_id = ? AND j.transmitted_at >= ? AND j.transmitted_at < ?"
                + " AND (j.state = 'PENDING' OR (j.state = 'REVERSING'"
                + " AND (a.state IS NULL OR a.state NOT IN "
                + REVERSAL_WAITING
                + ")))")) {
      query.setString(1, terminalId);
      Sql.setInstant(query, 2, from);
      Sql.setInstant(query, 3, upTo);
      try (ResultSet row = query.executeQuery()) {
        return row.next()
            ? Optional.ofNullable(Sql.getNullableInstant(row, "oldest"))
            : Optional.empty();
      }
    }
  }

  /**
   * Sums the {@code type} amounts of the card, over every terminal, that count against its daily
   * limit (any state but DECLINED, REVERSED and UNREACHABLE) and whose transmission time falls in
   * today's business day in the clock's zone (midnight to midnight in Tehran, not UTC). A plain
   * read: for the courtesy check when the amount is keyed, not for the reservation.
   */
  @Override
  public Rials usedToday(CardNumber card, TransactionType type) {
    Objects.requireNonNull(card, "Card is required.");
    Objects.requireNonNull(type, "Transaction type is required.");
    try (Connection connection = dataSource.getConnection()) {
      return used(connection, fingerprints.of(card).hex(), type, LocalDate.now(clock));
    } catch (SQLException e) {
      throw new JournalStoreException(
          "Could not sum today's " + type + " for card " + card + ".", e);
    }
  }

  @Override
  public List<JournalEntry> forCall(String callId) {
    Objects.requireNonNull(callId, "Call id is required.");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM switch_journal WHERE call_id = ? ORDER BY id")) {
      query.setString(1, callId);
      return entries(query);
    } catch (SQLException e) {
      throw new JournalStoreException("Could not read the journal of a call.", e);
    }
  }

  /** The entry {@code entryId} of this terminal, or empty. */
  @Override
  public Optional<JournalEntry> find(long entryId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM switch_journal WHERE id = ? AND terminal_id = ?")) {
      query.setLong(1, entryId);
      query.setString(2, terminalId);
      return entries(query).stream().findFirst();
    } catch (SQLException e) {
      throw new JournalStoreException("Could not read journal entry " + entryId + ".", e);
    }
  }

  /**
   * Moves the entry to {@code state} if it is in a state {@code from} allows, then reads it back in
   * the same transaction. The response code and the business date are kept when {@code
   * responseCode} or {@code businessDate} is null, so a reversal keeps what the original request's
   * answer may have carried.
   *
   * <p>When the entry moved and this journal opened it, it is not read back: a row in a state a
   * move starts from (PENDING or REVERSING) has no response code yet, since only the move to a
   * final state writes one, so the moved row holds exactly {@code state}, {@code responseCode} and
   * the time written here, beside the fields that never change.
   */
  private JournalEntry move(
      long entryId,
      EntryState state,
      String responseCode,
      LocalDate businessDate,
      String from,
      String extra) {
    return move(entryId, state, responseCode, businessDate, from, extra, null);
  }

  /** As above, running {@code afterMove} (when not null) in the same transaction. */
  private JournalEntry move(
      long entryId,
      EntryState state,
      String responseCode,
      LocalDate businessDate,
      String from,
      String extra,
      AfterMove afterMove) {
    try {
      // Committed with the other calls' writes of the moment (GroupCommit).
      JournalEntry known = opened.get(entryId);
      Transactions.Work<JournalEntry> work =
          connection -> {
            Instant at = now();
            try (PreparedStatement update =
                connection.prepareStatement(
                    "UPDATE switch_journal SET state = ?, response_code = COALESCE(?, response_code),"
                        + " business_date = COALESCE(?, business_date),"
                        + " updated_at = ? WHERE id = ? AND "
                        + from
                        + extra)) {
              update.setString(1, state.name());
              update.setString(2, responseCode);
              if (businessDate == null) {
                update.setNull(3, Types.DATE);
              } else {
                update.setDate(3, Date.valueOf(businessDate));
              }
              Sql.setInstant(update, 4, at);
              update.setLong(5, entryId);
              boolean moved = update.executeUpdate() == 1;
              if (afterMove != null) {
                afterMove.run(connection, moved);
              }
              if (moved && known != null) {
                return new JournalEntry(
                    known.id(),
                    known.callId(),
                    known.type(),
                    known.ids(),
                    known.maskedCard(),
                    known.amount(),
                    state,
                    responseCode,
                    at);
              }
            }
            return find(connection, entryId);
          };
      // Known: the UPDATE is all it writes, and it reads back only when it changed nothing.
      if (afterMove != null) {
        return Transactions.inOne(dataSource, work);
      }
      return known != null ? writes.runStatement(work) : writes.run(work);
    } catch (SQLException e) {
      throw new JournalStoreException(
          "Could not mark journal entry " + entryId + " " + state + ".", e);
    } finally {
      // Moved, or not movable from here: either way it is read back from now on.
      opened.remove(entryId);
    }
  }

  private static String moneyOnly() {
    StringBuilder types = new StringBuilder();
    for (TransactionType type : TransactionType.values()) {
      if (type.movesMoney()) {
        types.append(types.length() == 0 ? "" : ", ").append('\'').append(type.name()).append('\'');
      }
    }
    return " AND type IN (" + types + ")";
  }

  private static List<JournalEntry> entries(PreparedStatement query) throws SQLException {
    List<JournalEntry> entries = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        entries.add(entry(rows));
      }
    }
    return entries;
  }

  private static JournalEntry find(Connection connection, long entryId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM switch_journal WHERE id = ?")) {
      query.setLong(1, entryId);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalArgumentException("No journal entry " + entryId + ".");
        }
        return entry(rows);
      }
    }
  }

  static JournalEntry entry(ResultSet row) throws SQLException {
    long amountValue = row.getLong("amount");
    Rials amount = row.wasNull() ? null : Rials.of(amountValue);
    return new JournalEntry(
        row.getLong("id"),
        row.getString("call_id"),
        TransactionType.valueOf(row.getString("type")),
        new TransactionIds(
            new Stan(row.getInt("stan")),
            new Rrn(row.getString("rrn")),
            Sql.getInstant(row, "transmitted_at")),
        row.getString("masked_card"),
        amount,
        EntryState.valueOf(row.getString("state")),
        row.getString("response_code"),
        Sql.getInstant(row, "updated_at"));
  }

  // Millisecond precision: what both databases keep, so an entry read back equals the one returned.
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
