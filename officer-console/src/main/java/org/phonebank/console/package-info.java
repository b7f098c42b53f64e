// SPDX-License-Identifier: AGPL-3.0-or-later
/** What every console shares in its domain: the refusal and its kinds. */
package org.phonebank.console;
