// SPDX-License-Identifier: AGPL-3.0-or-later
/** What every console's server side shares: throttled sign-in, security headers, CSRF refusal. */
package org.phonebank.console.guard;
