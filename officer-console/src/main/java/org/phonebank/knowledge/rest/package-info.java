// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The knowledge tree's REST API under {@code /officer/api/knowledge} and the port producer that
 * builds it on the phone bank's database and loads the starting tree at start.
 */
package org.phonebank.knowledge.rest;
