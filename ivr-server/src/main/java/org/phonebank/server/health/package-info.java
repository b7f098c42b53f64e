// SPDX-License-Identifier: AGPL-3.0-or-later
/** MicroProfile Health checks: is the phone bank started, alive, and ready to take calls. */
package org.phonebank.server.health;
