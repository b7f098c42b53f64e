// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * A switch peer written with j8583, against which the phone bank's jPOS bridge must interoperate.
 */
package org.phonebank.interop.peer;
