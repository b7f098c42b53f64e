// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The order the paths run in, round by round, and each round's share of the transactions.
 *
 * <p>The orders form a Williams square: over as many rounds as there are paths (an even number),
 * every path runs first once, last once, and straight after every other path once, so neither a
 * drift of the machine nor what the previous path left behind (a warm cache, a busy disk) favours
 * one path. For six paths the first round is 0 1 5 2 4 3 and each next round adds one to every
 * place; after six rounds the orders repeat.
 */
final class Rounds {

  private Rounds() {}

  /** The paths' indexes in the order they run in round {@code round} (from 0). */
  static List<Integer> order(int round, int paths) {
    List<Integer> order = new ArrayList<>(paths);
    for (int place = 0; place < paths; place++) {
      order.add(Math.floorMod(williams(place, paths) + round, paths));
    }
    return order;
  }

  /** 0, 1, n-1, 2, n-2, 3, ...: each step between neighbours is a different distance. */
  private static int williams(int place, int paths) {
    if (place == 0) {
      return 0;
    }
    return place % 2 == 1 ? (place + 1) / 2 : paths - place / 2;
  }

  /**
   * Round {@code round}'s share of {@code transactions}: the remainder goes to the first rounds.
   */
  static int share(int transactions, int rounds, int round) {
    return transactions / rounds + (round < transactions % rounds ? 1 : 0);
  }
}
