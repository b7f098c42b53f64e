// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The switch-link benchmark: a bare jPOS client and the phone bank's journalled bridge against one
 * simulator.
 */
package org.phonebank.interop.bench;
