-- SPDX-License-Identifier: AGPL-3.0-or-later
-- One row per request to the switch, written PENDING before the request is sent and closed with its outcome.
-- Times are UTC. The card is kept masked to first six + last four only: there is deliberately no column that
-- could hold a full PAN, a PIN or a PIN block, and the check below refuses anything but the masked form.
CREATE TABLE switch_journal (
  id BIGINT GENERATED ALWAYS AS IDENTITY,
  call_id VARCHAR(64) NOT NULL,
  type VARCHAR(32) NOT NULL,
  stan INTEGER NOT NULL,
  rrn VARCHAR(12) NOT NULL,
  terminal_id VARCHAR(8) NOT NULL,
  transmitted_at TIMESTAMP NOT NULL,
  masked_card VARCHAR(16) NOT NULL,
  amount BIGINT,
  state VARCHAR(16) NOT NULL,
  response_code VARCHAR(2),
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  CONSTRAINT switch_journal_pk PRIMARY KEY (id),
  -- The RRN carries the day and the STAN, so this refuses a replayed STAN of the same terminal and day.
  CONSTRAINT switch_journal_rrn_uk UNIQUE (terminal_id, rrn),
  CONSTRAINT switch_journal_stan_ck CHECK (stan BETWEEN 1 AND 999999),
  CONSTRAINT switch_journal_card_ck CHECK (masked_card LIKE '______******____'),
  CONSTRAINT switch_journal_amount_ck CHECK (amount IS NULL OR amount >= 0),
  CONSTRAINT switch_journal_state_ck
    CHECK (state IN ('PENDING', 'APPROVED', 'DECLINED', 'UNREACHABLE', 'TIMED_OUT'))
);

CREATE INDEX switch_journal_call_ix ON switch_journal (call_id);

CREATE INDEX switch_journal_stan_ix ON switch_journal (terminal_id, stan);
