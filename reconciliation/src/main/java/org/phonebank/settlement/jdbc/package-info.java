// SPDX-License-Identifier: AGPL-3.0-or-later
/** Settlement files and reconciliation runs in the phone bank's database (schema V30). */
package org.phonebank.settlement.jdbc;
