-- SPDX-License-Identifier: AGPL-3.0-or-later
-- A statement no database accepts, after one that succeeds.
CREATE TABLE teller (id INTEGER NOT NULL);
CREATE TABLE WITH NO NAME;
