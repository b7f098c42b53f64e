-- SPDX-License-Identifier: AGPL-3.0-or-later
CREATE TABLE origin_portable (marker INTEGER NOT NULL);
INSERT INTO origin_portable (marker) VALUES (1);
