-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Store-and-forward dead letters: an advice that cannot be opened, or is refused (91/96, no answer) past the
-- configured attempts or age, leaves the sending queue as DEAD_LETTER so the advices behind it go on; an
-- operator retries it (back to RELEASED at the end of the queue) or closes it (CLOSED: settled with the switch
-- by other means). The reason columns hold words for the operator, never card data.
ALTER TABLE advice_queue DROP CONSTRAINT advice_queue_state_ck;

ALTER TABLE advice_queue ADD CONSTRAINT advice_queue_state_ck
  CHECK (state IN ('ARMED', 'RELEASED', 'ACKNOWLEDGED', 'DEAD_LETTER', 'CLOSED'));

ALTER TABLE advice_queue ADD COLUMN dead_lettered_at TIMESTAMP;

ALTER TABLE advice_queue ADD COLUMN dead_letter_reason VARCHAR(200);

ALTER TABLE advice_queue ADD COLUMN closed_at TIMESTAMP;

ALTER TABLE advice_queue ADD COLUMN closed_reason VARCHAR(200);
