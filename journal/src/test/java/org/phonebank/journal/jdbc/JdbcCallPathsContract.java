// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.phonebank.callpath.CallEnding;
import org.phonebank.callpath.CallPath;
import org.phonebank.callpath.CallPaths;

/**
 * What the JDBC call paths add to the port's rules: durability, one path per call and size limits.
 */
abstract class JdbcCallPathsContract extends CallPathsContract {

  private TestDatabase database;

  abstract TestDatabase newDatabase();

  @Override
  CallPaths newCallPaths() {
    database = newDatabase();
    SchemaMigrations.migrate(database.dataSource());
    return new JdbcCallPaths(database.dataSource());
  }

  @AfterEach
  void dropTheDatabase() {
    database.close();
  }

  @Test
  void aPathSurvivesARestart() {
    CallPath escalated =
        path("call-1", 0, CallEnding.ESCALATED, "main-menu", "transfer:declined", "officer");
    paths.record(escalated);

    JdbcCallPaths afterRestart = new JdbcCallPaths(database.restart());

    assertEquals(Optional.of(escalated), afterRestart.forCall("call-1"));
  }

  // The in-memory fake lists paths in the order they were recorded, so this rule is checked here
  // only.
  @Test
  void endedBetweenListsTheOldestEndingFirstWhateverTheOrderRecorded() {
    CallPath later = path("call-3", 30, CallEnding.CALLER_LEFT, "transfer:amount");
    CallPath earlier = path("call-2", 10, CallEnding.SERVED, "main-menu");
    CallPath first = path("call-9", 0, CallEnding.GAVE_UP);
    for (CallPath path : List.of(later, earlier, first)) {
      paths.record(path);
    }

    assertEquals(
        List.of(first, earlier, later),
        paths.endedBetween(TEN_AM_TEHRAN, TEN_AM_TEHRAN.plus(Duration.ofHours(1))));
  }

  @Test
  void aCallIsRecordedOnceAndTheFirstPathStands() {
    CallPath first = path("call-1", 0, CallEnding.SERVED, "main-menu", "balance");
    paths.record(first);

    paths.record(path("call-1", 5, CallEnding.FAILED, "main-menu"));

    assertEquals(Optional.of(first), paths.forCall("call-1"));
    assertEquals(2, database.count("SELECT COUNT(*) FROM call_path_step"));
  }

  @Test
  void aStepTooLongForItsColumnIsRefusedAndNothingIsWritten() {
    CallPath tooLong = path("call-1", 0, CallEnding.SERVED, "main-menu", "x".repeat(101));

    assertThrows(IllegalArgumentException.class, () -> paths.record(tooLong));
    assertEquals(Optional.empty(), paths.forCall("call-1"));
  }

  @Test
  void callsEndingOnTwoNodesAtOnceAreAllRecordedWithTheirOwnSteps() throws Exception {
    int perNode = 30;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<CallPath> expected = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (String node : List.of("a", "b")) {
        JdbcCallPaths own = new JdbcCallPaths(database.dataSource());
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perNode; i++) {
                    CallPath path =
                        path(
                            node + "-" + i,
                            i,
                            CallEnding.SERVED,
                            "main-menu",
                            "node-" + node,
                            "step-" + i);
                    own.record(path);
                    expected.add(path);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }

    for (CallPath path : expected) {
      assertEquals(Optional.of(path), paths.forCall(path.callId()));
    }
    assertEquals(2 * perNode, database.count("SELECT COUNT(*) FROM call_path"));
  }
}
