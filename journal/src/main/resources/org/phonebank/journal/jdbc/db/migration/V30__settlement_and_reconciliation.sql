-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Nightly reconciliation (docs/settlement-file.md). Each journal entry may carry the business date the switch
-- gave it (field 15); entries without one are dated by their transmission time and the cut-over.
ALTER TABLE switch_journal ADD COLUMN business_date DATE;

CREATE INDEX switch_journal_business_ix ON switch_journal (terminal_id, transmitted_at);

-- Every settlement file received, loaded or quarantined. A file is recognised by the SHA-256 of its content,
-- never by its name; a quarantined file keeps its errors (by line) and has no lines loaded.
CREATE TABLE settlement_file (
  id BIGINT GENERATED ALWAYS AS IDENTITY,
  content_sha256 VARCHAR(64) NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  size_bytes BIGINT NOT NULL,
  received_at TIMESTAMP NOT NULL,
  received_by VARCHAR(64) NOT NULL,
  status VARCHAR(16) NOT NULL,
  terminal_id VARCHAR(8),
  business_date DATE,
  detail_count BIGINT,
  net_amount BIGINT,
  errors VARCHAR(16000),
  CONSTRAINT settlement_file_pk PRIMARY KEY (id),
  CONSTRAINT settlement_file_status_ck CHECK (status IN ('LOADED', 'QUARANTINED')),
  CONSTRAINT settlement_file_loaded_ck
    CHECK (status <> 'LOADED' OR (terminal_id IS NOT NULL AND business_date IS NOT NULL))
);

CREATE INDEX settlement_file_content_ix ON settlement_file (content_sha256, status);

CREATE INDEX settlement_file_day_ix ON settlement_file (terminal_id, business_date, status);

-- One row per detail line of a loaded file; the card is masked (6+4) as everywhere in the phone bank.
CREATE TABLE settlement_line (
  file_id BIGINT NOT NULL,
  line_no INTEGER NOT NULL,
  reversal SMALLINT NOT NULL,
  processing_code VARCHAR(6) NOT NULL,
  stan INTEGER NOT NULL,
  rrn VARCHAR(12) NOT NULL,
  terminal_id VARCHAR(8) NOT NULL,
  local_date DATE NOT NULL,
  local_time VARCHAR(6) NOT NULL,
  masked_card VARCHAR(16) NOT NULL,
  amount BIGINT NOT NULL,
  response_code VARCHAR(2) NOT NULL,
  fee BIGINT NOT NULL,
  CONSTRAINT settlement_line_pk PRIMARY KEY (file_id, line_no),
  CONSTRAINT settlement_line_file_fk FOREIGN KEY (file_id) REFERENCES settlement_file (id),
  CONSTRAINT settlement_line_card_ck CHECK (masked_card LIKE '______******____')
);

-- One reconciliation run of a business date and terminal against one loaded file. checkpoint_groups counts the
-- match-key groups whose items are written; it is updated in the same transaction as those items, so a run
-- killed anywhere resumes after the last group it wrote, never before and never after.
CREATE TABLE recon_run (
  id BIGINT GENERATED ALWAYS AS IDENTITY,
  business_date DATE NOT NULL,
  terminal_id VARCHAR(8) NOT NULL,
  file_id BIGINT NOT NULL,
  state VARCHAR(16) NOT NULL,
  started_at TIMESTAMP NOT NULL,
  ended_at TIMESTAMP,
  groups_total INTEGER,
  checkpoint_groups INTEGER NOT NULL,
  job_execution_id BIGINT,
  CONSTRAINT recon_run_pk PRIMARY KEY (id),
  CONSTRAINT recon_run_file_fk FOREIGN KEY (file_id) REFERENCES settlement_file (id),
  CONSTRAINT recon_run_state_ck CHECK (state IN ('STARTED', 'COMPLETED', 'FAILED'))
);

-- The classified items of a run, by match-key group (in key order) and position in the group: a restarted
-- run rewrites the groups after its last checkpoint, so a group is never written twice.
CREATE TABLE recon_item (
  run_id BIGINT NOT NULL,
  group_no INTEGER NOT NULL,
  item_no INTEGER NOT NULL,
  kind VARCHAR(32) NOT NULL,
  match_key VARCHAR(64) NOT NULL,
  journal_id BIGINT,
  file_id BIGINT,
  line_no INTEGER,
  amount BIGINT NOT NULL,
  CONSTRAINT recon_item_pk PRIMARY KEY (run_id, group_no, item_no),
  CONSTRAINT recon_item_run_fk FOREIGN KEY (run_id) REFERENCES recon_run (id)
);

CREATE INDEX recon_item_kind_ix ON recon_item (run_id, kind);
