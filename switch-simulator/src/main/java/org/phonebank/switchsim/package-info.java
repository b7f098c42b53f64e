// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * A bank switch for development and tests: a jPOS server on mutual TLS answering from a demo
 * ledger.
 */
package org.phonebank.switchsim;
