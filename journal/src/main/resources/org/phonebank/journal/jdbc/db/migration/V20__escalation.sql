-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Officers' queues (module escalation, JdbcEscalationStore), shared by every phone-bank node. One row per
-- officer with their state; one per caller who asked for a person (queue entry), with what the officer needs
-- and nothing secret (the card masked 6+4, no PIN, no keyed digits); one per offer (an officer's phone rung
-- for a caller) with its result; the caller's switch requests as the journal holds them; every callback
-- attempt. Times are UTC.
CREATE TABLE escalation_entry (
  id BIGINT GENERATED ALWAYS AS IDENTITY,
  call_id VARCHAR(64) NOT NULL,
  node_id VARCHAR(64) NOT NULL,
  queue_name VARCHAR(32) NOT NULL,
  priority INTEGER NOT NULL,
  language VARCHAR(2) NOT NULL,
  reason VARCHAR(32) NOT NULL,
  reason_text VARCHAR(200) NOT NULL,
  masked_card VARCHAR(16),
  authenticated BOOLEAN NOT NULL,
  ivr_path VARCHAR(2000) NOT NULL,
  status VARCHAR(16) NOT NULL,
  callback_number VARCHAR(16),
  callback_requested_at TIMESTAMP,
  enqueued_at TIMESTAMP NOT NULL,
  answered_at TIMESTAMP,
  ended_at TIMESTAMP,
  end_reason VARCHAR(24),
  CONSTRAINT escalation_entry_pk PRIMARY KEY (id),
  CONSTRAINT escalation_entry_status_ck CHECK (status IN ('WAITING', 'RINGING', 'CONNECTED', 'ENDED')),
  CONSTRAINT escalation_entry_end_ck CHECK ((status = 'ENDED' AND end_reason IS NOT NULL AND ended_at IS NOT NULL)
    OR (status <> 'ENDED' AND end_reason IS NULL)),
  CONSTRAINT escalation_entry_card_ck CHECK (masked_card IS NULL OR masked_card LIKE '______******____'),
  CONSTRAINT escalation_entry_priority_ck CHECK (priority BETWEEN 0 AND 9)
);

CREATE INDEX escalation_entry_status_ix ON escalation_entry (status, priority, enqueued_at);
CREATE INDEX escalation_entry_node_ix ON escalation_entry (node_id, status);
CREATE INDEX escalation_entry_queue_ix ON escalation_entry (queue_name, ended_at);

-- entry_id is unique: the database itself refuses one caller reserved by two officers, whatever a node does.
CREATE TABLE escalation_officer (
  officer_id VARCHAR(32) NOT NULL,
  status VARCHAR(16) NOT NULL,
  since TIMESTAMP NOT NULL,
  misses_in_row INTEGER NOT NULL,
  entry_id BIGINT,
  CONSTRAINT escalation_officer_pk PRIMARY KEY (officer_id),
  CONSTRAINT escalation_officer_entry_uk UNIQUE (entry_id),
  CONSTRAINT escalation_officer_entry_fk FOREIGN KEY (entry_id) REFERENCES escalation_entry (id),
  CONSTRAINT escalation_officer_status_ck
    CHECK (status IN ('LOGGED_OUT', 'READY', 'RESERVED', 'BUSY', 'AWAY')),
  CONSTRAINT escalation_officer_call_ck CHECK ((status IN ('RESERVED', 'BUSY') AND entry_id IS NOT NULL)
    OR (status NOT IN ('RESERVED', 'BUSY') AND entry_id IS NULL)),
  CONSTRAINT escalation_officer_misses_ck CHECK (misses_in_row >= 0)
);

CREATE TABLE escalation_offer (
  id BIGINT GENERATED ALWAYS AS IDENTITY,
  entry_id BIGINT NOT NULL,
  officer_id VARCHAR(32) NOT NULL,
  offered_at TIMESTAMP NOT NULL,
  deadline TIMESTAMP NOT NULL,
  result VARCHAR(16),
  ended_at TIMESTAMP,
  CONSTRAINT escalation_offer_pk PRIMARY KEY (id),
  CONSTRAINT escalation_offer_entry_fk FOREIGN KEY (entry_id) REFERENCES escalation_entry (id),
  CONSTRAINT escalation_offer_officer_fk FOREIGN KEY (officer_id) REFERENCES escalation_officer (officer_id),
  CONSTRAINT escalation_offer_result_ck CHECK (result IS NULL
    OR result IN ('ANSWERED', 'NO_ANSWER', 'REFUSED', 'FAILED', 'CALLER_LEFT'))
);

CREATE INDEX escalation_offer_entry_ix ON escalation_offer (entry_id, result);
CREATE INDEX escalation_offer_ringing_ix ON escalation_offer (result, deadline);
CREATE INDEX escalation_offer_officer_ix ON escalation_offer (officer_id, offered_at);

CREATE TABLE escalation_switch_request (
  entry_id BIGINT NOT NULL,
  seq INTEGER NOT NULL,
  type VARCHAR(32) NOT NULL,
  amount BIGINT,
  stan INTEGER NOT NULL,
  rrn VARCHAR(12) NOT NULL,
  response_code VARCHAR(2),
  journal_state VARCHAR(16) NOT NULL,
  CONSTRAINT escalation_switch_request_pk PRIMARY KEY (entry_id, seq),
  CONSTRAINT escalation_switch_request_entry_fk FOREIGN KEY (entry_id) REFERENCES escalation_entry (id)
);

CREATE TABLE escalation_callback_attempt (
  entry_id BIGINT NOT NULL,
  attempt_no INTEGER NOT NULL,
  officer_id VARCHAR(32),
  started_at TIMESTAMP NOT NULL,
  result VARCHAR(24),
  ended_at TIMESTAMP,
  CONSTRAINT escalation_callback_attempt_pk PRIMARY KEY (entry_id, attempt_no),
  CONSTRAINT escalation_callback_attempt_entry_fk FOREIGN KEY (entry_id) REFERENCES escalation_entry (id)
);
