-- SPDX-License-Identifier: AGPL-3.0-or-later
CREATE TABLE origin_postgresql (marker INTEGER NOT NULL);
INSERT INTO origin_postgresql (marker) VALUES (1);
