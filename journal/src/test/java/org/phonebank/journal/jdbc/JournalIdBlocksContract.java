// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How journal ids must be handed out on every supported database; a subclass names it. */
abstract class JournalIdBlocksContract {

  private static final int BLOCK = 10;

  private TestDatabase database;

  abstract TestDatabase newDatabase();

  @BeforeEach
  void migrateAFreshDatabase() {
    database = newDatabase();
    SchemaMigrations.migrate(database.dataSource());
  }

  @AfterEach
  void dropTheDatabase() {
    database.close();
  }

  @Test
  void theBlockTakenAheadFollowsOnWithoutAGap() throws Exception {
    JournalIdBlocks ids = new JournalIdBlocks(database.dataSource(), BLOCK);
    long first = ids.next();
    for (long expected = first + 1; expected < first + 3 * BLOCK; expected++) {
      assertEquals(expected, ids.next());
    }
  }

  @Test
  void aRestartSkipsTheBlockTakenAheadAndRepeatsNothing() throws Exception {
    JournalIdBlocks ids = new JournalIdBlocks(database.dataSource(), BLOCK);
    long first = ids.next();
    // Past the block's first quarter: the next block is reserved ahead.
    for (int i = 1; i <= BLOCK / 4 + 1; i++) {
      ids.next();
    }

    JournalIdBlocks afterRestart = new JournalIdBlocks(database.restart(), BLOCK);

    assertEquals(first + 2 * BLOCK, afterRestart.next());
  }

  @Test
  void callersOfTwoNodesAtOnceNeverGetTheSameId() throws Exception {
    int callers = 8;
    int perCaller = 75;
    JournalIdBlocks[] nodes = {
      new JournalIdBlocks(database.dataSource(), BLOCK),
      new JournalIdBlocks(database.dataSource(), BLOCK)
    };
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<List<Long>>> runs = new ArrayList<>();
      for (int caller = 0; caller < callers; caller++) {
        JournalIdBlocks node = nodes[caller % nodes.length];
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  List<Long> taken = new ArrayList<>();
                  for (int i = 0; i < perCaller; i++) {
                    taken.add(node.next());
                  }
                  return taken;
                }));
      }
      start.countDown();
      Set<Long> all = new HashSet<>();
      for (Future<List<Long>> run : runs) {
        all.addAll(run.get());
      }
      assertEquals(callers * perCaller, all.size());
    } finally {
      pool.shutdownNow();
    }
  }
}
