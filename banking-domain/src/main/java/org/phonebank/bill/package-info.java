// SPDX-License-Identifier: AGPL-3.0-or-later
/** Iranian utility and government bills: bill and payment identifiers with their check digits. */
package org.phonebank.bill;
