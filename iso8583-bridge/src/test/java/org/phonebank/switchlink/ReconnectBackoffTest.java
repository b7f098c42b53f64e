// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

  @Test
  void waitDoublesUpToTheMaximumAndStaysThere() {
    ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(20));

    List<Long> waits = Stream.generate(backoff::next).limit(6).map(Duration::toSeconds).toList();

    assertEquals(List.of(2L, 4L, 8L, 16L, 20L, 20L), waits);
  }

  @Test
  void signedOnLinkStartsAgainFromTheInitialWait() {
    ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));
    backoff.next();
    backoff.next();

    backoff.reset();

    assertEquals(Duration.ofMillis(100), backoff.next());
  }
}
