// SPDX-License-Identifier: AGPL-3.0-or-later
/** The back office's REST API under {@code /officer/api/backoffice}, for the backoffice role. */
package org.phonebank.backoffice.rest;
