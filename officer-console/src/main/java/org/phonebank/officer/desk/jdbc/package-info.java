// SPDX-License-Identifier: AGPL-3.0-or-later
/** The desk's ports in the phone bank's database (edge). */
package org.phonebank.officer.desk.jdbc;
