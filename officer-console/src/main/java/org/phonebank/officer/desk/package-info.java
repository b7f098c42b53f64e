// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The officer's desk: state, the offered call, the screen-pop of the caller's banking context, and
 * the wrap-up. Plain Java over the escalation module and the desk's ports.
 */
package org.phonebank.officer.desk;
