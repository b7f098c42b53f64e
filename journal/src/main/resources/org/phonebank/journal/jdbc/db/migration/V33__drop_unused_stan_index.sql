-- SPDX-License-Identifier: AGPL-3.0-or-later
-- The journal's (terminal, STAN) index is read by no query: answers are matched in memory on more than the STAN
-- (terminal, STAN, RRN and time), the journal is read by id, by call, by card and day, by terminal and state
-- (recovery) and by terminal and time (reconciliation), and a replayed STAN of a terminal is refused by the unique
-- (terminal, RRN), whose serial runs through the year. Every journal entry paid for a B-tree insert into it at open;
-- dropping it leaves the entry's other six (issue 14 item 3).
DROP INDEX switch_journal_stan_ix;
