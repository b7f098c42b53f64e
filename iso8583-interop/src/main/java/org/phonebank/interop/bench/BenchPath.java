// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.bench;

/** The paths the benchmark measures at each caller count, in the order its table prints them. */
enum BenchPath {
  BARE("bare", "(a) bare jPOS NACChannel, TLS 1.3 + MAC, one connection per caller"),
  BRIDGE("bridge", "bridge alone: JposBankSwitch, one multiplexed link, no journal"),
  FLOOR(
      "floor", "(f) durable floor: INSERT + UPDATE of an equally wide row, two commits, same pool"),
  INDEXED_FLOOR(
      "indexed floor", "(g) floor on a table with the journal's indexes, same two commits"),
  JOURNAL("journal", "journal alone: JournalledSwitch + pooled journal over an instant switch"),
  PHONE_BANK("phone bank", "(b) phone bank: JournalledSwitch + JposBankSwitch + pooled journal");

  private final String key;
  private final String title;

  BenchPath(String key, String title) {
    this.key = key;
    this.title = title;
  }

  /** The name its {@link RunResult}s carry. */
  String key() {
    return key;
  }

  /** Its row's title in the printed table. */
  String title() {
    return title;
  }
}
