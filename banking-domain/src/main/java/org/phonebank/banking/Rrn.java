// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import java.util.Objects;
import java.util.regex.Pattern;

/** Retrieval reference number (ISO 8583 field 37): twelve characters, the reconciliation key. */
public record Rrn(String value) {

  private static final Pattern FORMAT = Pattern.compile("[0-9A-Za-z]{12}");

  public Rrn {
    Objects.requireNonNull(value, "RRN is required.");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("An RRN must be 12 letters or digits.");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
