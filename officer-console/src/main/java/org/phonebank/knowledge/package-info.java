// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The officers' knowledge tree: short articles in English and Persian, edited by supervisors and
 * never lost on edit (every edit is a new {@link org.phonebank.knowledge.ArticleVersion}, the
 * current one the latest), linked to escalation reasons and switch response codes so that the
 * screen-pop can suggest the right one ({@link org.phonebank.knowledge.SuggestionRule}). Plain
 * Java; the database and the REST API are the {@code jdbc} and {@code rest} edges.
 */
package org.phonebank.knowledge;
