// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.file;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A settlement file that cannot be loaded, with every error found, by line. Nothing of it may be
 * loaded: the whole file goes to quarantine.
 */
public final class SettlementFileRejected extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<LineError> errors;

  public SettlementFileRejected(List<LineError> errors) {
    super(
        "The settlement file is rejected: "
            + errors.stream().map(LineError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<LineError> errors() {
    return errors;
  }
}
