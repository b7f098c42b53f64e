// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.bill;

/** The service a bill is for, coded in the second-to-last digit of the bill identifier. */
public enum BillType {
  WATER(1),
  ELECTRICITY(2),
  GAS(3),
  FIXED_LINE(4),
  MOBILE(5),
  MUNICIPALITY(6),
  TAX(8),
  TRAFFIC_FINE(9);

  private final int code;

  BillType(int code) {
    this.code = code;
  }

  static BillType ofCode(int code) {
    for (BillType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }
}
