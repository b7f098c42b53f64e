-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Officers' queues: a waiting caller's position counts the callers of higher priority (on V26's service-order index)
-- and those of the same queue and priority who came earlier. That second count had no index holding queue_name, so
-- embedded Derby scanned the whole entry table (ended callers included) on every look; this one answers it from
-- the index alone. V20's (status, priority, enqueued_at) is covered by V26's service-order index and goes, so a
-- change of a caller's status still updates as many indexes as before.
CREATE INDEX escalation_entry_position_ix ON escalation_entry (status, queue_name, priority, enqueued_at, id);
DROP INDEX escalation_entry_status_ix;

-- Every look reads the READY officers (a few of the roster at any time) and the ids of those at work: on the
-- officers' status, so neither reads every officer's row.
CREATE INDEX escalation_officer_status_ix ON escalation_officer (status, officer_id);
