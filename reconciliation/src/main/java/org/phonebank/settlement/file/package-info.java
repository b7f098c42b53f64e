// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The switch's settlement file (docs/settlement-file.md): writing it, and reading it back as data
 * with every error named by line.
 */
package org.phonebank.settlement.file;
