// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The knowledge tree on the phone bank's database (tables {@code knowledge_article} and {@code
 * knowledge_article_version}, journal migration V22), on Derby and PostgreSQL alike.
 */
package org.phonebank.knowledge.jdbc;
