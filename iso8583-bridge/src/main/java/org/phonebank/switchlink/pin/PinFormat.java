// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.pin;

/** Which ISO 9564-1 PIN block the switch expects; chosen in the switch settings. */
public enum PinFormat {
  /** Format 0 under the TDES zone PIN key: 8 bytes. */
  ISO_0("00"),
  /** Format 4 under the AES zone PIN key: 16 bytes. */
  ISO_4("04");

  private final String code;

  PinFormat(String code) {
    this.code = code;
  }

  /** The two digits that name the format in field 53. */
  public String code() {
    return code;
  }

  public static PinFormat ofCode(String code) {
    for (PinFormat f : values()) {
      if (f.code.equals(code)) {
        return f;
      }
    }
    throw new IllegalArgumentException("Unknown PIN block format " + code + ".");
  }
}
