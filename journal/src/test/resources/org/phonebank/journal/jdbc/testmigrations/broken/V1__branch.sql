-- SPDX-License-Identifier: AGPL-3.0-or-later
CREATE TABLE branch (code VARCHAR(5) NOT NULL, CONSTRAINT branch_pk PRIMARY KEY (code));
