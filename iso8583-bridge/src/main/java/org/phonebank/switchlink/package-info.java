// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The ISO 8583:1987 link to the bank switch over jPOS: the {@code BankSwitch} adapter and its
 * message mapping.
 */
package org.phonebank.switchlink;
