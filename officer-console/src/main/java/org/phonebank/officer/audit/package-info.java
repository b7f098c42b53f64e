// SPDX-License-Identifier: AGPL-3.0-or-later
/** The consoles' audit trail: who saw which caller's context and who did what, append-only. */
package org.phonebank.officer.audit;
