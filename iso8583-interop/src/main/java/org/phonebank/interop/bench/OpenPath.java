// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One path held open, connections and database included, for every round at one caller count, so
 * that a round measures requests and not set-up.
 */
final class OpenPath implements AutoCloseable {

  private final BenchPath path;
  private final List<Caller> callers;
  private final List<AutoCloseable> resources;

  /**
   * @param resources what the callers use, in the order it was opened; closed in reverse
   */
  OpenPath(BenchPath path, List<? extends Caller> callers, List<AutoCloseable> resources) {
    this.path = path;
    this.callers = List.copyOf(callers);
    this.resources = new ArrayList<>(resources);
  }

  BenchPath path() {
    return path;
  }

  List<Caller> callers() {
    return callers;
  }

  @Override
  public void close() throws Exception {
    closeAll(resources);
  }

  /** Closes {@code opened} last first, every one even when an earlier close throws. */
  static void closeAll(List<? extends AutoCloseable> opened) throws Exception {
    Exception first = null;
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
