// SPDX-License-Identifier: AGPL-3.0-or-later
/** Menus the caller answers with one key, starting with the choice of language. */
package org.phonebank.menu;
