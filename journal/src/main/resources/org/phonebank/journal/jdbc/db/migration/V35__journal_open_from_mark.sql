-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Closing a journal entry no longer rewrites an index (issue 14 item 3). The (terminal, state) index, which found
-- a node's unfinished entries, moved every entry in it at its close, and on PostgreSQL it made every close a
-- non-HOT update, a new entry in each of the table's six B-trees. A node's unfinished entries are found from a mark
-- instead: every entry of the terminal transmitted before open_from is final, or waits for a reversal the advice
-- queue has not settled (ARMED, RELEASED, DEAD_LETTER), which the queue's state index finds. Entries from
-- open_from on are read along (terminal, transmitted_at), reconciliation's index (V30). The journal's sweep moves
-- the mark up to its oldest entry still PENDING, or REVERSING without a reversal waiting (JdbcJournal#sweptBefore).
-- A terminal without a row reads all its entries, once: its first sweep writes the row.
DROP INDEX switch_journal_state_ix;

CREATE TABLE switch_journal_mark (
  terminal_id VARCHAR(8) NOT NULL,
  open_from TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  CONSTRAINT switch_journal_mark_pk PRIMARY KEY (terminal_id)
);
