-- SPDX-License-Identifier: AGPL-3.0-or-later
-- The switch's control totals of a loaded settlement file as its trailer (T) and subtotal lines (S) state them
-- (docs/settlement-file.md), kept at load so the balance report can prove that the loaded detail lines still add up
-- to them. A file is loaded only when they tie, so these are also what its lines added up to then. Files loaded
-- before this version have none; their report says so.
CREATE TABLE settlement_trailer (
  file_id BIGINT NOT NULL,
  detail_count BIGINT NOT NULL,
  debit_count BIGINT NOT NULL,
  debit_amount BIGINT NOT NULL,
  credit_count BIGINT NOT NULL,
  credit_amount BIGINT NOT NULL,
  reversal_count BIGINT NOT NULL,
  reversal_amount BIGINT NOT NULL,
  fee_count BIGINT NOT NULL,
  fee_amount BIGINT NOT NULL,
  net_amount BIGINT NOT NULL,
  CONSTRAINT settlement_trailer_pk PRIMARY KEY (file_id),
  CONSTRAINT settlement_trailer_file_fk FOREIGN KEY (file_id) REFERENCES settlement_file (id)
);

CREATE TABLE settlement_subtotal (
  file_id BIGINT NOT NULL,
  transaction_class VARCHAR(2) NOT NULL,
  item_count BIGINT NOT NULL,
  item_amount BIGINT NOT NULL,
  reversal_count BIGINT NOT NULL,
  reversal_amount BIGINT NOT NULL,
  fee_amount BIGINT NOT NULL,
  CONSTRAINT settlement_subtotal_pk PRIMARY KEY (file_id, transaction_class),
  CONSTRAINT settlement_subtotal_file_fk FOREIGN KEY (file_id) REFERENCES settlement_file (id)
);
