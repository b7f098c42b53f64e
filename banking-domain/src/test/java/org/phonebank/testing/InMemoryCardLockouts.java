// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.phonebank.card.CardFingerprint;
import org.phonebank.card.CardNumber;
import org.phonebank.lockout.CardLockouts;
import org.phonebank.lockout.LockedCard;
import org.phonebank.lockout.LockoutState;
import org.phonebank.lockout.PinTry;

/** Lockouts in a map, keyed by a fingerprint under a fixed test key. */
public final class InMemoryCardLockouts implements CardLockouts {

  private static final byte[] KEY = new byte[32];

  private final Map<CardFingerprint, Integer> wrong = new HashMap<>();
  private final Map<CardFingerprint, Integer> taken = new HashMap<>();
  private final Map<CardFingerprint, LockedCard> locked = new HashMap<>();

  @Override
  public synchronized boolean isLocked(CardNumber card) {
    return locked.containsKey(CardFingerprint.of(card, KEY));
  }

  @Override
  public synchronized boolean takeTry(CardNumber card, int limit) {
    CardFingerprint f = CardFingerprint.of(card, KEY);
    if (locked.containsKey(f) || wrong.getOrDefault(f, 0) + taken.getOrDefault(f, 0) >= limit) {
      return false;
    }
    taken.merge(f, 1, Integer::sum);
    return true;
  }

  @Override
  public PinTry pinTry(CardNumber card, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("A wrong-PIN limit is at least 1.");
    }
    return new Try(this, card, limit);
  }

  /**
   * A try of these lockouts, which {@link InMemoryJournal} takes and settles under its own lock
   * (and these lockouts' lock), as the JDBC journal does in its transaction.
   */
  record Try(InMemoryCardLockouts lockouts, CardNumber card, int limit) implements PinTry {

    static Try of(PinTry pinTry) {
      if (pinTry instanceof Try own) {
        return own;
      }
      throw new IllegalArgumentException("A PIN try of another lockout store.");
    }

    boolean take() {
      return lockouts.takeTry(card, limit);
    }

    LockoutState settle(Settlement settlement) {
      synchronized (lockouts) {
        return switch (settlement) {
          case WRONG_PIN -> lockouts.wrongPin(card, limit);
          case RIGHT_PIN ->
              lockouts.rightPin(card) ? new LockoutState(0, false) : lockouts.state(card);
          case GIVEN_BACK -> {
            lockouts.returnTry(card);
            yield lockouts.state(card);
          }
        };
      }
    }
  }

  private synchronized LockoutState state(CardNumber card) {
    CardFingerprint f = CardFingerprint.of(card, KEY);
    return new LockoutState(wrong.getOrDefault(f, 0), locked.containsKey(f));
  }

  @Override
  public synchronized void returnTry(CardNumber card) {
    taken.computeIfPresent(CardFingerprint.of(card, KEY), (f, n) -> n > 1 ? n - 1 : null);
  }

  @Override
  public synchronized LockoutState wrongPin(CardNumber card, int limit) {
    CardFingerprint f = CardFingerprint.of(card, KEY);
    taken.computeIfPresent(f, (key, n) -> n > 1 ? n - 1 : null);
    int count = wrong.merge(f, 1, Integer::sum);
    if (count >= limit) {
      locked.putIfAbsent(f, new LockedCard(f, card.masked(), Instant.now()));
    }
    return new LockoutState(count, locked.containsKey(f));
  }

  @Override
  public synchronized boolean rightPin(CardNumber card) {
    CardFingerprint f = CardFingerprint.of(card, KEY);
    if (locked.containsKey(f)) {
      return false;
    }
    wrong.remove(f);
    taken.remove(f);
    return true;
  }

  @Override
  public synchronized List<LockedCard> locked() {
    List<LockedCard> newestFirst = new ArrayList<>(locked.values());
    newestFirst.sort(Comparator.comparing(LockedCard::lockedAt).reversed());
    return newestFirst;
  }

  @Override
  public synchronized boolean unlock(CardFingerprint card, String officer) {
    if (locked.remove(card) == null) {
      return false;
    }
    wrong.remove(card);
    taken.remove(card);
    return true;
  }
}
