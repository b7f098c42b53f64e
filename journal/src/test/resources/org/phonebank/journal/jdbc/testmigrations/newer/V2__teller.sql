-- SPDX-License-Identifier: AGPL-3.0-or-later
CREATE TABLE teller (id INTEGER NOT NULL);
