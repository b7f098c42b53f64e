// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The IVR path of each call: menus visited, outcome and reason for leaving, with no caller digits.
 */
package org.phonebank.callpath;
