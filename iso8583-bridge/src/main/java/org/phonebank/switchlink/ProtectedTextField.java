// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.io.PrintStream;
import org.jpos.iso.ISOField;

/**
 * A character field holding a hex PIN block: packs like any other but never shows its value in a
 * dump.
 */
final class ProtectedTextField extends ISOField {

  private static final long serialVersionUID = 1L;

  ProtectedTextField(int fieldNumber, String value) {
    super(fieldNumber, value);
  }

  @Override
  public void dump(PrintStream p, String indent) {
    p.println(indent + "<field id=\"" + fieldNumber + "\" value=\"[protected]\"/>");
  }

  @Override
  public String toString() {
    return "[protected]";
  }
}
