// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

/**
 * The bank switch as the phone bank sees it. The ISO 8583 bridge implements it; flows and tests use
 * it without knowing about fields, MTIs or sockets. Business results (a decline, an unreachable
 * switch, a timeout) are outcomes, not exceptions.
 */
@FunctionalInterface
public interface BankSwitch {

  SwitchOutcome send(SwitchRequest request);
}
