// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.jdbc;

import java.time.LocalDate;
import java.util.List;
import org.phonebank.settlement.file.LineError;

/** What became of a received settlement file. */
public sealed interface Receipt {

  /** Every line loaded, in one transaction. */
  record Loaded(long fileId, long details, LocalDate businessDate) implements Receipt {}

  /** Nothing loaded; the file is kept as quarantined with every error by line. */
  record Quarantined(long fileId, List<LineError> errors) implements Receipt {
    public Quarantined {
      errors = List.copyOf(errors);
    }
  }

  /** The same content was loaded before, as file {@code loadedAs}: nothing changed. */
  record Duplicate(long loadedAs) implements Receipt {}
}
