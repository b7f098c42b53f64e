-- SPDX-License-Identifier: AGPL-3.0-or-later
-- The officers' knowledge tree (issue 12, officer-console org.phonebank.knowledge). One row per article: its stable
-- id, its place in the tree (parent article, order among siblings). One row per version of an article: the titles and
-- bodies in English and Persian (plain text; the console refuses markup), the escalation reasons and switch response
-- codes it answers (space-separated keys, checked by the console), who wrote it and when. An edit only ever inserts
-- the next version (the primary key refuses two edits made on the same version), so no text is lost; the current
-- version of an article is its highest. Nothing in the application updates or deletes these rows.
CREATE TABLE knowledge_article (
  article_id VARCHAR(64) NOT NULL,
  parent_id VARCHAR(64),
  sort_order INTEGER NOT NULL,
  created_at TIMESTAMP NOT NULL,
  CONSTRAINT knowledge_article_pk PRIMARY KEY (article_id),
  CONSTRAINT knowledge_article_parent_fk FOREIGN KEY (parent_id) REFERENCES knowledge_article (article_id)
);

CREATE TABLE knowledge_article_version (
  article_id VARCHAR(64) NOT NULL,
  version_no INTEGER NOT NULL,
  title_en VARCHAR(120) NOT NULL,
  title_fa VARCHAR(120) NOT NULL,
  body_en VARCHAR(4000) NOT NULL,
  body_fa VARCHAR(4000) NOT NULL,
  escalation_reasons VARCHAR(200) NOT NULL,
  response_codes VARCHAR(200) NOT NULL,
  edited_by VARCHAR(64) NOT NULL,
  edited_at TIMESTAMP NOT NULL,
  CONSTRAINT knowledge_article_version_pk PRIMARY KEY (article_id, version_no),
  CONSTRAINT knowledge_article_version_fk FOREIGN KEY (article_id) REFERENCES knowledge_article (article_id),
  CONSTRAINT knowledge_article_version_ck CHECK (version_no >= 1)
);
