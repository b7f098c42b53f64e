-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Officers' transfers (issue 12, escalation Transfers). An officer talking to a caller sends them to another queue or
-- to a named officer: one row per transfer, who, when, from which queue to which queue or officer, and the offer the
-- officer had answered (one transfer per answered conversation). A transferred caller can be answered again, by
-- another officer or the same one, so a call may have several wrap-ups: one per answered offer, no longer one per
-- entry (wrap-ups written before this version name no offer).
CREATE TABLE escalation_transfer (
  id BIGINT GENERATED ALWAYS AS IDENTITY,
  entry_id BIGINT NOT NULL,
  officer_id VARCHAR(32) NOT NULL,
  answered_offer_id BIGINT NOT NULL,
  from_queue VARCHAR(32) NOT NULL,
  to_queue VARCHAR(32) NOT NULL,
  to_officer VARCHAR(32),
  transferred_at TIMESTAMP NOT NULL,
  CONSTRAINT escalation_transfer_pk PRIMARY KEY (id),
  CONSTRAINT escalation_transfer_offer_uk UNIQUE (answered_offer_id),
  CONSTRAINT escalation_transfer_entry_fk FOREIGN KEY (entry_id) REFERENCES escalation_entry (id),
  CONSTRAINT escalation_transfer_officer_fk FOREIGN KEY (officer_id) REFERENCES escalation_officer (officer_id),
  CONSTRAINT escalation_transfer_offer_fk FOREIGN KEY (answered_offer_id) REFERENCES escalation_offer (id)
);

CREATE INDEX escalation_transfer_entry_ix ON escalation_transfer (entry_id);

ALTER TABLE escalation_wrap_up ADD COLUMN offer_id BIGINT;
ALTER TABLE escalation_wrap_up DROP CONSTRAINT escalation_wrap_up_pk;
ALTER TABLE escalation_wrap_up ADD CONSTRAINT escalation_wrap_up_offer_uk UNIQUE (offer_id);
ALTER TABLE escalation_wrap_up ADD CONSTRAINT escalation_wrap_up_offer_fk
  FOREIGN KEY (offer_id) REFERENCES escalation_offer (id);
CREATE INDEX escalation_wrap_up_entry_ix ON escalation_wrap_up (entry_id);
