-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Daily channel limits reserved at send. A money movement is journalled only inside a transaction that first
-- updates (or, the first time that day, inserts) this card's row for the business day, which holds that row's
-- lock until commit; then it sums what already counts in switch_journal and inserts its PENDING entry only if
-- its amount fits. So reservations on one card and day queue behind each other on one row, on Derby (row lock)
-- and PostgreSQL (row lock; each statement under READ COMMITTED sees what the previous holder committed), and
-- calls at once never exceed the limit. The row holds no sum: the journal's states are the only record of what
-- counts, so a declined or reversed movement frees its amount without a second write. Rows of past days are
-- read by nothing and may be deleted.
CREATE TABLE card_day_limit (
  card_fingerprint VARCHAR(64) NOT NULL,
  business_date DATE NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  CONSTRAINT card_day_limit_pk PRIMARY KEY (card_fingerprint, business_date),
  CONSTRAINT card_day_limit_fingerprint_ck CHECK (LENGTH(card_fingerprint) = 64)
);
