// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.bench;

/** One caller's way of doing a balance inquiry; true when it was approved. */
@FunctionalInterface
interface Caller {

  boolean balanceInquiry() throws Exception;
}
