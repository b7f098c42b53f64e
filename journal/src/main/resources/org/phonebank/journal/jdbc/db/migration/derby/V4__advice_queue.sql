-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Store-and-forward: one advice (reversal) per journal entry, ARMED before the request is sent, RELEASED into
-- the sending queue when its outcome is unknown, ACKNOWLEDGED when the switch answers it. The message is kept
-- sealed (encrypted by the bridge) because it holds the card number, and is wiped once acknowledged; the clear
-- columns are what an operator may see. release_order comes from a sequence at release, so advices leave in
-- the order they were released even when several nodes release at once. The derby script differs from its
-- twin only in the binary column type.
CREATE TABLE advice_queue (
  journal_entry_id BIGINT NOT NULL,
  mti CHAR(4) NOT NULL,
  stan INTEGER NOT NULL,
  rrn VARCHAR(12) NOT NULL,
  sealed_message BLOB(64K),
  state VARCHAR(16) NOT NULL,
  release_order BIGINT,
  attempts INTEGER NOT NULL,
  armed_at TIMESTAMP NOT NULL,
  released_at TIMESTAMP,
  last_attempt_at TIMESTAMP,
  acknowledged_at TIMESTAMP,
  response_code VARCHAR(2),
  CONSTRAINT advice_queue_pk PRIMARY KEY (journal_entry_id),
  CONSTRAINT advice_queue_entry_fk FOREIGN KEY (journal_entry_id) REFERENCES switch_journal (id),
  CONSTRAINT advice_queue_release_uk UNIQUE (release_order),
  CONSTRAINT advice_queue_state_ck CHECK (state IN ('ARMED', 'RELEASED', 'ACKNOWLEDGED')),
  CONSTRAINT advice_queue_released_ck CHECK (state = 'ARMED' OR release_order IS NOT NULL
    OR acknowledged_at IS NOT NULL),
  CONSTRAINT advice_queue_mti_ck CHECK (mti LIKE '0___'),
  CONSTRAINT advice_queue_attempts_ck CHECK (attempts >= 0)
);

CREATE INDEX advice_queue_state_ix ON advice_queue (state, release_order);

CREATE SEQUENCE advice_release_seq AS BIGINT START WITH 1;
