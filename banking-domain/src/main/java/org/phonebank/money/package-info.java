// SPDX-License-Identifier: AGPL-3.0-or-later
/** Money in Iranian rials. */
package org.phonebank.money;
