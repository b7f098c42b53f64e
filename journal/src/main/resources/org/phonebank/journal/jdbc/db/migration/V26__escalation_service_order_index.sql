-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Officers' queues: every caller's look reads the head of the queue in service order (priority highest first,
-- then first come, then id; Router.SERVICE_ORDER) and counts the callers ahead of them. V20's index holds
-- priority ascending, so the databases sorted the waiting callers for each look; this one is read in order.
CREATE INDEX escalation_entry_service_ix ON escalation_entry (status, priority DESC, enqueued_at, id);
