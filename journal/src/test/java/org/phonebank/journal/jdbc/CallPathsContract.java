// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.phonebank.callpath.CallEnding;
import org.phonebank.callpath.CallPath;
import org.phonebank.callpath.CallPaths;

/**
 * The rules of the {@link CallPaths} port that every implementation keeps, the in-memory fake
 * included.
 */
abstract class CallPathsContract {

  static final Instant TEN_AM_TEHRAN = Instant.parse("2026-03-21T06:30:00Z");

  protected CallPaths paths;

  abstract CallPaths newCallPaths();

  @BeforeEach
  void startWithNoPaths() {
    paths = newCallPaths();
  }

  static CallPath path(
      String callId, int endedMinutesAfterTen, CallEnding ending, String... steps) {
    Instant ended = TEN_AM_TEHRAN.plus(Duration.ofMinutes(endedMinutesAfterTen));
    return new CallPath(
        callId,
        "fa",
        List.of(steps),
        ending,
        ending == CallEnding.CALLER_LEFT ? "hung up in transfer:amount" : null,
        ended.minusSeconds(95),
        ended);
  }

  @Test
  void aRecordedPathIsReadBackWithItsStepsInOrder() {
    CallPath served =
        path(
            "call-1",
            0,
            CallEnding.SERVED,
            "language",
            "main-menu",
            "balance",
            "main-menu",
            "transfer:amount",
            "transfer:confirmed");

    paths.record(served);

    assertEquals(Optional.of(served), paths.forCall("call-1"));
    assertEquals(Optional.empty(), paths.forCall("call-2"));
  }

  @Test
  void theCallersMaskedNumberIsKeptWithThePath() {
    CallPath withCaller =
        new CallPath(
            "call-1",
            "en",
            List.of("main-menu"),
            CallEnding.SERVED,
            "balance",
            TEN_AM_TEHRAN,
            TEN_AM_TEHRAN.plusSeconds(60),
            CallPath.maskCaller("0912 123 4567"));

    paths.record(withCaller);

    assertEquals("*******4567", paths.forCall("call-1").orElseThrow().maskedCaller());
  }

  @Test
  void aPathWithoutStepsOrLanguageIsKept() {
    CallPath silent =
        new CallPath(
            "call-1",
            null,
            List.of(),
            CallEnding.GAVE_UP,
            "no input",
            TEN_AM_TEHRAN,
            TEN_AM_TEHRAN.plusSeconds(20));

    paths.record(silent);

    assertEquals(Optional.of(silent), paths.forCall("call-1"));
  }

  @Test
  void endedBetweenIncludesItsStartButNotItsEnd() {
    CallPath before = path("call-0", -1, CallEnding.SERVED, "main-menu");
    CallPath atStart = path("call-1", 0, CallEnding.ESCALATED, "main-menu", "officer");
    CallPath inside =
        path("call-2", 10, CallEnding.LOCKED_OUT, "auth:pin", "auth:pin", "auth:locked");
    CallPath atEnd = path("call-3", 60, CallEnding.SERVED, "main-menu");
    for (CallPath path : List.of(before, atStart, inside, atEnd)) {
      paths.record(path);
    }

    assertEquals(
        List.of(atStart, inside),
        paths.endedBetween(TEN_AM_TEHRAN, TEN_AM_TEHRAN.plus(Duration.ofHours(1))));
    assertEquals(
        List.of(), paths.endedBetween(TEN_AM_TEHRAN.plusSeconds(1), TEN_AM_TEHRAN.plusSeconds(2)));
  }
}
