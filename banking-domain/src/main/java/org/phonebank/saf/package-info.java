// SPDX-License-Identifier: AGPL-3.0-or-later
/** Store-and-forward: advices (reversals) kept durably until the switch acknowledges them. */
package org.phonebank.saf;
