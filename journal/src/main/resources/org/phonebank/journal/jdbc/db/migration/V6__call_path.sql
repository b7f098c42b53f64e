-- SPDX-License-Identifier: AGPL-3.0-or-later
-- The IVR path of each call, for the officer who takes an escalated call and for containment figures: one
-- row per call and one per step in the order visited. Steps and reasons are names, never caller digits.
CREATE TABLE call_path (
  call_id VARCHAR(64) NOT NULL,
  language VARCHAR(16),
  ending VARCHAR(16) NOT NULL,
  leave_reason VARCHAR(200),
  started_at TIMESTAMP NOT NULL,
  ended_at TIMESTAMP NOT NULL,
  CONSTRAINT call_path_pk PRIMARY KEY (call_id),
  CONSTRAINT call_path_ending_ck
    CHECK (ending IN ('SERVED', 'ESCALATED', 'CALLER_LEFT', 'GAVE_UP', 'LOCKED_OUT', 'FAILED'))
);

CREATE INDEX call_path_ended_ix ON call_path (ended_at);

CREATE TABLE call_path_step (
  call_id VARCHAR(64) NOT NULL,
  step_no INTEGER NOT NULL,
  step VARCHAR(100) NOT NULL,
  CONSTRAINT call_path_step_pk PRIMARY KEY (call_id, step_no),
  CONSTRAINT call_path_step_path_fk FOREIGN KEY (call_id) REFERENCES call_path (call_id)
);
