-- SPDX-License-Identifier: AGPL-3.0-or-later
-- The back office's worklist (issue 13 item 5, docs/back-office.md). Every exception item of a completed run is
-- resolved by a back-office user with a reason and a plain-text note. Resolutions are append-only: nothing in the
-- application updates or deletes them; a later resolution of the same item supersedes the one it names (seq - 1),
-- and the primary key refuses two users superseding the same resolution at once. The journal is never edited.
-- The foreign key keeps an item with resolutions from being rewritten by a run (only unfinished runs rewrite).
CREATE TABLE recon_resolution (
  run_id BIGINT NOT NULL,
  group_no INTEGER NOT NULL,
  item_no INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  reason VARCHAR(16) NOT NULL,
  note VARCHAR(500) NOT NULL,
  resolved_by VARCHAR(64) NOT NULL,
  resolved_at TIMESTAMP NOT NULL,
  CONSTRAINT recon_resolution_pk PRIMARY KEY (run_id, group_no, item_no, seq),
  CONSTRAINT recon_resolution_item_fk FOREIGN KEY (run_id, group_no, item_no)
    REFERENCES recon_item (run_id, group_no, item_no),
  CONSTRAINT recon_resolution_reason_ck
    CHECK (reason IN ('ADJUST', 'WRITE_OFF', 'CHASE_SWITCH', 'CARRIED_FORWARD')),
  CONSTRAINT recon_resolution_seq_ck CHECK (seq >= 1)
);

-- An item opens its journal entry, and a journal entry its items in every run ("and back").
CREATE INDEX recon_item_journal_ix ON recon_item (journal_id);

CREATE INDEX recon_item_line_ix ON recon_item (file_id, line_no);

-- The call an item came from shows its caller, masked like a card (all but the last four digits starred); calls
-- recorded before this version have none.
ALTER TABLE call_path ADD COLUMN masked_caller VARCHAR(16);
