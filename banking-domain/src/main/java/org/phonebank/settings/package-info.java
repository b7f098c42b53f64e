// SPDX-License-Identifier: AGPL-3.0-or-later
/** Reading {@code phonebank.*} setting keys, and the settings every module shares. */
package org.phonebank.settings;
