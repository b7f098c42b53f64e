-- SPDX-License-Identifier: AGPL-3.0-or-later
-- The officers' console (issue 12). An officer may be WRAP_UP: their call ended and they are writing it up, and no
-- call is offered to them until they say READY. Each handled call gets one wrap-up: a code from the console's fixed
-- list and a short note in plain text (the console refuses markup). The console's audit trail records every view of a
-- caller's context and every action: who, when, the card masked 6+4 (never the number), what. Nothing in the
-- application updates or deletes audit rows; the console's port only appends and reads.
ALTER TABLE escalation_officer DROP CONSTRAINT escalation_officer_status_ck;

ALTER TABLE escalation_officer ADD CONSTRAINT escalation_officer_status_ck
  CHECK (status IN ('LOGGED_OUT', 'READY', 'RESERVED', 'BUSY', 'AWAY', 'WRAP_UP'));

CREATE TABLE escalation_wrap_up (
  entry_id BIGINT NOT NULL,
  officer_id VARCHAR(32) NOT NULL,
  code VARCHAR(32) NOT NULL,
  note VARCHAR(500),
  written_at TIMESTAMP NOT NULL,
  CONSTRAINT escalation_wrap_up_pk PRIMARY KEY (entry_id),
  CONSTRAINT escalation_wrap_up_entry_fk FOREIGN KEY (entry_id) REFERENCES escalation_entry (id)
);

CREATE TABLE console_audit (
  id BIGINT GENERATED ALWAYS AS IDENTITY,
  at_time TIMESTAMP NOT NULL,
  actor VARCHAR(64) NOT NULL,
  action VARCHAR(32) NOT NULL,
  masked_card VARCHAR(16),
  detail VARCHAR(200),
  CONSTRAINT console_audit_pk PRIMARY KEY (id),
  CONSTRAINT console_audit_card_ck CHECK (masked_card IS NULL OR masked_card LIKE '______******____')
);

CREATE INDEX console_audit_time_ix ON console_audit (at_time);
