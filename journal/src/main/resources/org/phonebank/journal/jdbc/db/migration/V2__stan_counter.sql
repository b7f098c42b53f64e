-- SPDX-License-Identifier: AGPL-3.0-or-later
-- The last STAN handed out per terminal and business day; a new day starts a new row, so STANs restart at 1.
CREATE TABLE stan_counter (
  terminal_id VARCHAR(8) NOT NULL,
  business_day DATE NOT NULL,
  last_stan INTEGER NOT NULL,
  CONSTRAINT stan_counter_pk PRIMARY KEY (terminal_id, business_day),
  CONSTRAINT stan_counter_range_ck CHECK (last_stan BETWEEN 1 AND 999999)
);
