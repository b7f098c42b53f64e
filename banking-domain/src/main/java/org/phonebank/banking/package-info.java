// SPDX-License-Identifier: AGPL-3.0-or-later
/** Requests to the bank switch and their outcomes, in banking words. */
package org.phonebank.banking;
