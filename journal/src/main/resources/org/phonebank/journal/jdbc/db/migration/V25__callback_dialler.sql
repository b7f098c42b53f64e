-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Callbacks placed by the phone bank (issue 11, escalation Callbacks and the callback dialler). A callback number
-- is collected digits: it is kept sealed (AES-256-GCM under the bank's callback key, see SECURITY.md) with a keyed
-- digest that finds a caller's callbacks, never in clear. Each entry counts its attempts and when the next is due;
-- an offer can end NOT_REACHED (the customer did not answer: not the officer's miss); an attempt names the offer
-- it placed, unique, which is how exactly one node claims each callback call.
ALTER TABLE escalation_entry ADD COLUMN callback_sealed VARCHAR(100);
ALTER TABLE escalation_entry ADD COLUMN callback_digest VARCHAR(64);
ALTER TABLE escalation_entry ADD COLUMN callback_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE escalation_entry ADD COLUMN callback_due TIMESTAMP;
-- Callbacks asked for before this version were never placed (there was no dialler) and hold the number in clear:
-- they end as expired and the clear numbers go.
UPDATE escalation_entry SET status = 'ENDED', end_reason = 'CALLBACK_EXPIRED', ended_at = CURRENT_TIMESTAMP
  WHERE callback_number IS NOT NULL AND status = 'WAITING';
UPDATE escalation_entry SET callback_number = NULL WHERE callback_number IS NOT NULL;
ALTER TABLE escalation_entry ADD CONSTRAINT escalation_entry_clear_callback_ck CHECK (callback_number IS NULL);
CREATE INDEX escalation_entry_callback_ix ON escalation_entry (callback_digest, status);

ALTER TABLE escalation_offer DROP CONSTRAINT escalation_offer_result_ck;
ALTER TABLE escalation_offer ADD CONSTRAINT escalation_offer_result_ck CHECK (result IS NULL
  OR result IN ('ANSWERED', 'NO_ANSWER', 'REFUSED', 'FAILED', 'CALLER_LEFT', 'NOT_REACHED'));

ALTER TABLE escalation_callback_attempt ADD COLUMN offer_id BIGINT;
ALTER TABLE escalation_callback_attempt ADD COLUMN node_id VARCHAR(64);
ALTER TABLE escalation_callback_attempt ADD CONSTRAINT escalation_callback_attempt_offer_uk UNIQUE (offer_id);
ALTER TABLE escalation_callback_attempt ADD CONSTRAINT escalation_callback_attempt_offer_fk
  FOREIGN KEY (offer_id) REFERENCES escalation_offer (id);
