-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Telephone-channel lockout after wrong PINs. A card is known by its keyed fingerprint (HMAC-SHA-256) and
-- shown masked (6+4); its digits are never stored. card_lockout holds the running count and, once the limit
-- is reached, when the card was locked. An officer's unlock removes that row and leaves a card_unlock row, so
-- every lock that was lifted, by whom and when, stays on record.
CREATE TABLE card_lockout (
  card_fingerprint VARCHAR(64) NOT NULL,
  masked_card VARCHAR(16) NOT NULL,
  wrong_pins INTEGER NOT NULL,
  locked_at TIMESTAMP,
  updated_at TIMESTAMP NOT NULL,
  CONSTRAINT card_lockout_pk PRIMARY KEY (card_fingerprint),
  CONSTRAINT card_lockout_fingerprint_ck CHECK (LENGTH(card_fingerprint) = 64),
  CONSTRAINT card_lockout_card_ck CHECK (masked_card LIKE '______******____'),
  CONSTRAINT card_lockout_count_ck CHECK (wrong_pins >= 0)
);

CREATE INDEX card_lockout_locked_ix ON card_lockout (locked_at);

CREATE TABLE card_unlock (
  id BIGINT GENERATED ALWAYS AS IDENTITY,
  card_fingerprint VARCHAR(64) NOT NULL,
  masked_card VARCHAR(16) NOT NULL,
  wrong_pins INTEGER NOT NULL,
  locked_at TIMESTAMP NOT NULL,
  unlocked_by VARCHAR(64) NOT NULL,
  unlocked_at TIMESTAMP NOT NULL,
  CONSTRAINT card_unlock_pk PRIMARY KEY (id),
  CONSTRAINT card_unlock_card_ck CHECK (masked_card LIKE '______******____')
);

CREATE INDEX card_unlock_card_ix ON card_unlock (card_fingerprint);
