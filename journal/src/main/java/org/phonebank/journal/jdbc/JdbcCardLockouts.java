// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.phonebank.card.CardFingerprint;
import org.phonebank.card.CardFingerprinter;
import org.phonebank.card.CardNumber;
import org.phonebank.lockout.CardLockouts;
import org.phonebank.lockout.LockedCard;
import org.phonebank.lockout.LockoutState;
import org.phonebank.lockout.PinTry;
import org.phonebank.lockout.PinTry.Settlement;

/**
 * Phone-channel lockouts in {@code card_lockout}, keyed by the card's fingerprint and shown masked.
 * A wrong PIN is counted by {@code wrong_pins = wrong_pins + 1} in the database, so two calls on
 * the same card failing at the same moment (on one node or two) both count. Before a guess is sent,
 * {@link #takeTry} holds one of the card's tries in {@code claimed_tries} by one guarded UPDATE, so
 * calls at the PIN prompt together never send more guesses than the limit. An officer's unlock is
 * written to {@code card_unlock} with the officer's name before the lock row goes, so the audit
 * trail outlives the lock.
 */
public final class JdbcCardLockouts implements CardLockouts {

  /** Attempts of a write whose first row on a card raced another's ({@link FirstRowRace}). */
  static final int ATTEMPTS = 3;

  private static final int MAX_OFFICER_LENGTH = 64;

  private final DataSource dataSource;
  private final CardFingerprinter fingerprints;
  private final Clock clock;

  public JdbcCardLockouts(DataSource dataSource, byte[] fingerprintKey, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
    this.fingerprints = FingerprintKeys.fingerprinter(fingerprintKey);
    this.clock = Objects.requireNonNull(clock, "Clock is required.");
  }

  @Override
  public boolean isLocked(CardNumber card) {
    Objects.requireNonNull(card, "Card is required.");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT locked_at FROM card_lockout WHERE card_fingerprint = ? AND locked_at IS NOT NULL")) {
      query.setString(1, fingerprint(card));
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    } catch (SQLException e) {
      throw new JournalStoreException("Could not check the lockout of card " + card + ".", e);
    }
  }

  @Override
  public LockoutState wrongPin(CardNumber card, int limit) {
    Objects.requireNonNull(card, "Card is required.");
    if (limit < 1) {
      throw new IllegalArgumentException("A wrong-PIN limit is at least 1.");
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return countInOneTransaction(card, limit);
      } catch (SQLException e) {
        // Two first wrong PINs on a card both insert its row; the loser retries and increments
        // instead.
        if (!Sql.isUniqueViolation(e) || attempt == ATTEMPTS) {
          throw new JournalStoreException("Could not count a wrong PIN for card " + card + ".", e);
        }
      }
    }
  }

  private LockoutState countInOneTransaction(CardNumber card, int limit) throws SQLException {
    String fingerprint = fingerprint(card);
    return Transactions.inOne(
        dataSource, connection -> countWrong(connection, fingerprint, card.masked(), limit));
  }

  /** Counts a wrong PIN in {@code connection}'s transaction ({@link #wrongPin}'s statements). */
  private LockoutState countWrong(
      Connection connection, String fingerprint, String masked, int limit) throws SQLException {
    Instant now = now();
    int updated;
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE card_lockout SET wrong_pins = wrong_pins + 1, updated_at = ?,"
                + " claimed_tries = CASE WHEN claimed_tries > 0 THEN claimed_tries - 1 ELSE 0"
                + " END, locked_at = CASE WHEN locked_at IS NULL AND wrong_pins + 1 >= ?"
                + " THEN CAST(? AS TIMESTAMP) ELSE locked_at END WHERE card_fingerprint = ?")) {
      Sql.setInstant(update, 1, now);
      update.setInt(2, limit);
      Sql.setInstant(update, 3, now);
      update.setString(4, fingerprint);
      updated = update.executeUpdate();
    }
    if (updated == 0) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO card_lockout (card_fingerprint, masked_card, wrong_pins, locked_at, updated_at)"
                  + " VALUES (?, ?, 1, ?, ?)")) {
        insert.setString(1, fingerprint);
        insert.setString(2, masked);
        if (limit == 1) {
          Sql.setInstant(insert, 3, now);
        } else {
          insert.setNull(3, Types.TIMESTAMP);
        }
        Sql.setInstant(insert, 4, now);
        insert.executeUpdate();
      } catch (SQLException e) {
        throw FirstRowRace.ifOne(e);
      }
    }
    LockoutState state;
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT wrong_pins, locked_at FROM card_lockout WHERE card_fingerprint = ?")) {
      query.setString(1, fingerprint);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        state = new LockoutState(row.getInt("wrong_pins"), row.getTimestamp("locked_at") != null);
      }
    }
    return state;
  }

  @Override
  public boolean takeTry(CardNumber card, int limit) {
    Objects.requireNonNull(card, "Card is required.");
    if (limit < 1) {
      throw new IllegalArgumentException("A wrong-PIN limit is at least 1.");
    }
    String fingerprint = fingerprint(card);
    for (int attempt = 1; ; attempt++) {
      try {
        return Transactions.inOne(
            dataSource, connection -> take(connection, fingerprint, card.masked(), limit));
      } catch (SQLException e) {
        // Two first tries on a card both insert its row; the loser tries again and takes in turn.
        if (!Sql.isUniqueViolation(e) || attempt == ATTEMPTS) {
          throw new JournalStoreException("Could not take a PIN try for card " + card + ".", e);
        }
      }
    }
  }

  /**
   * Takes a try in {@code connection}'s transaction ({@link #takeTry}'s statements); a first try
   * racing another call's first try on the card throws {@link FirstRowRace}, and the loser's
   * transaction must start again.
   */
  private boolean take(Connection connection, String fingerprint, String masked, int limit)
      throws SQLException {
    // One guarded UPDATE: the row lock makes concurrent takers queue, and each sees the
    // tries the ones before it took. A row another call inserted after this UPDATE
    // started is not seen by it (PostgreSQL reads committed rows per statement), so when
    // the row turns out to exist and still to have tries, the UPDATE runs once more.
    for (int pass = 1; pass <= 2; pass++) {
      try (PreparedStatement take =
          connection.prepareStatement(
              "UPDATE card_lockout SET claimed_tries = claimed_tries + 1, updated_at = ?"
                  + " WHERE card_fingerprint = ? AND locked_at IS NULL"
                  + " AND wrong_pins + claimed_tries < ?")) {
        Sql.setInstant(take, 1, now());
        take.setString(2, fingerprint);
        take.setInt(3, limit);
        if (take.executeUpdate() == 1) {
          return true;
        }
      }
      Boolean hasTries = hasTries(connection, fingerprint, limit);
      if (hasTries == null) {
        break;
      }
      if (!hasTries) {
        return false;
      }
    }
    try (PreparedStatement first =
        connection.prepareStatement(
            "INSERT INTO card_lockout (card_fingerprint, masked_card, wrong_pins,"
                + " claimed_tries, locked_at, updated_at) VALUES (?, ?, 0, 1, NULL, ?)")) {
      first.setString(1, fingerprint);
      first.setString(2, masked);
      Sql.setInstant(first, 3, now());
      first.executeUpdate();
      return true;
    } catch (SQLException e) {
      throw FirstRowRace.ifOne(e);
    }
  }

  @Override
  public PinTry pinTry(CardNumber card, int limit) {
    Objects.requireNonNull(card, "Card is required.");
    if (limit < 1) {
      throw new IllegalArgumentException("A wrong-PIN limit is at least 1.");
    }
    return new Try(this, card, limit, fingerprint(card));
  }

  /**
   * A try of these lockouts, run by {@link JdbcJournal} on its own connection: taken in the
   * transaction that opens the guess's entry, settled in the one that records its answer, with the
   * same statements as {@link #takeTry}, {@link #rightPin}, {@link #wrongPin} and {@link
   * #returnTry}. A transaction in which {@link #take} or {@link #settle} threw {@link FirstRowRace}
   * must be rolled back and run again.
   */
  record Try(JdbcCardLockouts lockouts, CardNumber card, int limit, String fingerprint)
      implements PinTry {

    /**
     * {@code pinTry} as this store's, or refused: another store's try cannot join our transaction.
     */
    static Try of(PinTry pinTry) {
      Objects.requireNonNull(pinTry, "PIN try is required.");
      if (pinTry instanceof Try own) {
        return own;
      }
      throw new IllegalArgumentException(
          "A PIN try of another lockout store cannot be taken in the JDBC journal's transaction.");
    }

    /** False when the card is locked or has no try left: then nothing was written. */
    boolean take(Connection connection) throws SQLException {
      return lockouts.take(connection, fingerprint, card.masked(), limit);
    }

    /** Settles the try as {@code settlement} says; the card's state after. */
    LockoutState settle(Connection connection, Settlement settlement) throws SQLException {
      return switch (settlement) {
        case WRONG_PIN -> lockouts.countWrong(connection, fingerprint, card.masked(), limit);
        case RIGHT_PIN ->
            clear(connection, fingerprint)
                ? new LockoutState(0, false)
                : state(connection, fingerprint);
        case GIVEN_BACK -> {
          giveBack(connection, fingerprint);
          yield state(connection, fingerprint);
        }
      };
    }

    @Override
    public String toString() {
      return "PinTry[" + card + ", limit " + limit + "]";
    }
  }

  /**
   * A card's first row inserted by two transactions at once: the loser's transaction must be rolled
   * back and start again, when it finds the row and queues on it. Keeps the unique violation's SQL
   * state.
   */
  static final class FirstRowRace extends SQLException {
    private static final long serialVersionUID = 1L;

    private FirstRowRace(SQLException cause) {
      super("Another call wrote this card's lockout row first.", cause.getSQLState(), cause);
    }

    static SQLException ifOne(SQLException e) {
      return Sql.isUniqueViolation(e) && !(e instanceof FirstRowRace) ? new FirstRowRace(e) : e;
    }
  }

  @Override
  public void returnTry(CardNumber card) {
    Objects.requireNonNull(card, "Card is required.");
    String fingerprint = fingerprint(card);
    try {
      Transactions.inOne(
          dataSource,
          connection -> {
            giveBack(connection, fingerprint);
            return null;
          });
    } catch (SQLException e) {
      throw new JournalStoreException("Could not give back a PIN try of card " + card + ".", e);
    }
  }

  /** Gives a try back in {@code connection}'s transaction ({@link #returnTry}'s statement). */
  private static void giveBack(Connection connection, String fingerprint) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE card_lockout SET claimed_tries = claimed_tries - 1"
                + " WHERE card_fingerprint = ? AND claimed_tries > 0")) {
      update.setString(1, fingerprint);
      update.executeUpdate();
    }
  }

  @Override
  public boolean rightPin(CardNumber card) {
    Objects.requireNonNull(card, "Card is required.");
    String fingerprint = fingerprint(card);
    // A locked card keeps its row and count: only an officer lifts a lock, a right PIN does not.
    try {
      return Transactions.inOne(dataSource, connection -> clear(connection, fingerprint));
    } catch (SQLException e) {
      throw new JournalStoreException(
          "Could not clear the wrong-PIN count of card " + card + ".", e);
    }
  }

  /** A right PIN in {@code connection}'s transaction ({@link #rightPin}'s statements). */
  private static boolean clear(Connection connection, String fingerprint) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM card_lockout WHERE card_fingerprint = ? AND locked_at IS NULL")) {
      delete.setString(1, fingerprint);
      if (delete.executeUpdate() == 1) {
        return true;
      }
    }
    // No row deleted: either none (accepted) or a locked one (refused). An unlocked row seen now
    // was put there by another call's try after the DELETE began: not a lock.
    return !isLocked(connection, fingerprint);
  }

  /** The card's count and lock as {@code connection}'s transaction sees them. */
  private static LockoutState state(Connection connection, String fingerprint) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT wrong_pins, locked_at FROM card_lockout WHERE card_fingerprint = ?")) {
      query.setString(1, fingerprint);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return new LockoutState(0, false);
        }
        return new LockoutState(row.getInt("wrong_pins"), row.getTimestamp("locked_at") != null);
      }
    }
  }

  /** Null when the card has no row, else whether it is unlocked with a try left. */
  private static Boolean hasTries(Connection connection, String fingerprint, int limit)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT wrong_pins + claimed_tries, locked_at FROM card_lockout"
                + " WHERE card_fingerprint = ?")) {
      query.setString(1, fingerprint);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        return row.getInt(1) < limit && row.getTimestamp(2) == null;
      }
    }
  }

  private static boolean isLocked(Connection connection, String fingerprint) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT 1 FROM card_lockout WHERE card_fingerprint = ? AND locked_at IS NOT NULL")) {
      query.setString(1, fingerprint);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  @Override
  public List<LockedCard> locked() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT card_fingerprint, masked_card, locked_at FROM card_lockout WHERE locked_at IS NOT NULL"
                    + " ORDER BY locked_at DESC, card_fingerprint");
        ResultSet rows = query.executeQuery()) {
      List<LockedCard> locked = new ArrayList<>();
      while (rows.next()) {
        locked.add(
            new LockedCard(
                new CardFingerprint(rows.getString("card_fingerprint")),
                rows.getString("masked_card"),
                Sql.getInstant(rows, "locked_at")));
      }
      return locked;
    } catch (SQLException e) {
      throw new JournalStoreException("Could not list the locked cards.", e);
    }
  }

  @Override
  public boolean unlock(CardFingerprint card, String officer) {
    Objects.requireNonNull(card, "Card fingerprint is required.");
    Objects.requireNonNull(officer, "Officer is required.");
    if (officer.isBlank() || officer.length() > MAX_OFFICER_LENGTH) {
      throw new IllegalArgumentException(
          "An officer is named by 1 to " + MAX_OFFICER_LENGTH + " characters.");
    }
    Instant now = now();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        // Touching the locked row first takes its lock, so of two officers unlocking together one
        // finds it
        // gone and answers false, and the audit trail has one unlock for one lock.
        try (PreparedStatement claim =
            connection.prepareStatement(
                "UPDATE card_lockout SET updated_at = ? WHERE card_fingerprint = ? AND locked_at IS NOT NULL")) {
          Sql.setInstant(claim, 1, now);
          claim.setString(2, card.hex());
          if (claim.executeUpdate() == 0) {
            connection.rollback();
            return false;
          }
        }
        try (PreparedStatement audit =
            connection.prepareStatement(
                "INSERT INTO card_unlock (card_fingerprint, masked_card, wrong_pins, locked_at, unlocked_by,"
                    + " unlocked_at) SELECT card_fingerprint, masked_card, wrong_pins, locked_at, ?, ?"
                    + " FROM card_lockout WHERE card_fingerprint = ?")) {
          audit.setString(1, officer.strip());
          Sql.setInstant(audit, 2, now);
          audit.setString(3, card.hex());
          audit.executeUpdate();
        }
        try (PreparedStatement delete =
            connection.prepareStatement("DELETE FROM card_lockout WHERE card_fingerprint = ?")) {
          delete.setString(1, card.hex());
          delete.executeUpdate();
        }
        connection.commit();
        return true;
      } catch (SQLException | RuntimeException e) {
        Sql.rollback(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new JournalStoreException("Could not unlock a card for officer " + officer + ".", e);
    }
  }

  private String fingerprint(CardNumber card) {
    return fingerprints.of(card).hex();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
