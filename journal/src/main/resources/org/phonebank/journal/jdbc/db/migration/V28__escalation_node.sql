-- SPDX-License-Identifier: AGPL-3.0-or-later
-- The phone-bank nodes sharing the officers' queues (issue 11, escalation NodeWatch). Each node beats, writing
-- last_beat (its own clock, UTC), every heartbeat interval; any node that sees another's last_beat unchanged for
-- longer than the dead-after time (on the watcher's clock: clocks are never compared across nodes) ends as SYSTEM the
-- callers whose lines died with it, frees the officers it was ringing and hands the callbacks it was placing back to
-- the queue, then removes its row. A node that was only slow writes its row again at its next beat.
CREATE TABLE escalation_node (
  node_id VARCHAR(64) NOT NULL,
  started_at TIMESTAMP NOT NULL,
  last_beat TIMESTAMP NOT NULL,
  CONSTRAINT escalation_node_pk PRIMARY KEY (node_id)
);

-- The callback calls a node was placing, found when it is declared dead.
CREATE INDEX escalation_callback_attempt_node_ix ON escalation_callback_attempt (node_id, result);
