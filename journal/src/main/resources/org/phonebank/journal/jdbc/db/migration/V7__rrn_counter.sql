-- SPDX-License-Identifier: AGPL-3.0-or-later
-- The last RRN serial handed out per terminal and year. The RRN (field 37) is the year's last digit and this
-- serial as 11 digits, so it stays unique per terminal for ten years at up to 99,999,999,999 requests a year
-- (3,170 a second all year), where the old RRN (day, hour and the STAN) repeated within an hour above about
-- 278 a second. The STAN keeps its own day counter, since field 11 has six digits and wraps.
CREATE TABLE rrn_counter (
  terminal_id VARCHAR(8) NOT NULL,
  rrn_year INTEGER NOT NULL,
  last_serial BIGINT NOT NULL,
  CONSTRAINT rrn_counter_pk PRIMARY KEY (terminal_id, rrn_year),
  CONSTRAINT rrn_counter_range_ck CHECK (last_serial BETWEEN 1 AND 99999999999)
);
