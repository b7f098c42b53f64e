// SPDX-License-Identifier: AGPL-3.0-or-later
/** Prompts: what the caller hears, as recorded files per language, and how amounts are spoken. */
package org.phonebank.prompt;
