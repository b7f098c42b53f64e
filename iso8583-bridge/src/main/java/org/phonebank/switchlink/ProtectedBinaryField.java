// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.io.PrintStream;
import org.jpos.iso.ISOBinaryField;

/**
 * A binary field (the PIN block) that packs like any other but never shows its bytes in toString or
 * a dump.
 */
final class ProtectedBinaryField extends ISOBinaryField {

  private static final long serialVersionUID = 1L;

  ProtectedBinaryField(int fieldNumber, byte[] value) {
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
