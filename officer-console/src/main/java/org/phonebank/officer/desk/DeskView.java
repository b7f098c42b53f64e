// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk;

/**
 * What an officer's desk shows: their state, the call ringing for them, the call they are on, or
 * the call they are writing up. Nulls for "none", as the page receives it as JSON.
 *
 * @param status LOGGED_OUT, READY, RESERVED (a call rings), BUSY, AWAY or WRAP_UP
 * @param offerId the offer ringing now, or null
 * @param entryId the caller's queue entry of the offer, the call or the wrap-up, or null
 * @param ringsUntil the offer's deadline (ISO-8601), or null
 */
public record DeskView(
    String officer, String status, Long offerId, Long entryId, String ringsUntil) {}
