// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Who is calling: the card number and telephone PIN as keyed, checked before the switch is asked.
 */
package org.phonebank.auth;
