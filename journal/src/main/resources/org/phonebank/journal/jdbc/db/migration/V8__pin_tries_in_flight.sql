-- SPDX-License-Identifier: AGPL-3.0-or-later
-- PIN tries taken but not yet answered. A call takes a try before its guess goes to the switch, in one guarded
-- UPDATE (wrong_pins + claimed_tries below the limit, card not locked), so K calls parked at the PIN prompt get
-- no more guesses together than the limit; the answer turns the claim into a wrong PIN or clears the count. A
-- claim left by a crash keeps counting until the next right PIN or an officer's unlock: the safe side.
ALTER TABLE card_lockout ADD COLUMN claimed_tries INTEGER DEFAULT 0 NOT NULL;

ALTER TABLE card_lockout ADD CONSTRAINT card_lockout_claimed_ck CHECK (claimed_tries >= 0);
