-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Reversals: a money movement whose outcome is unknown waits REVERSING until the switch acknowledges its
-- reversal, then is REVERSED. Daily limits must recognise a card without storing it, so each entry also keeps
-- the card's keyed fingerprint (HMAC-SHA-256, 64 hex digits); entries written before this version have none.
ALTER TABLE switch_journal DROP CONSTRAINT switch_journal_state_ck;

ALTER TABLE switch_journal ADD CONSTRAINT switch_journal_state_ck
  CHECK (state IN ('PENDING', 'APPROVED', 'DECLINED', 'UNREACHABLE', 'TIMED_OUT', 'REVERSING', 'REVERSED'));

ALTER TABLE switch_journal ADD COLUMN card_fingerprint VARCHAR(64);

ALTER TABLE switch_journal ADD CONSTRAINT switch_journal_fingerprint_ck
  CHECK (card_fingerprint IS NULL OR LENGTH(card_fingerprint) = 64);

-- What a card moved today, by type: the daily channel limit reads this on every transfer and bill payment.
CREATE INDEX switch_journal_card_day_ix ON switch_journal (card_fingerprint, type, transmitted_at);

-- What a node recovers after a restart: its own entries that are not final yet.
CREATE INDEX switch_journal_state_ix ON switch_journal (terminal_id, state);
