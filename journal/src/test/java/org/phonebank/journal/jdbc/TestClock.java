// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the test moves by hand, in the bank's zone. */
final class TestClock extends Clock {

  static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

  private volatile Instant now;

  TestClock(Instant start) {
    this.now = start;
  }

  void advance(Duration step) {
    now = now.plus(step);
  }

  @Override
  public ZoneId getZone() {
    return TEHRAN;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("Tests keep the bank's zone.");
  }

  @Override
  public Instant instant() {
    return now;
  }
}
