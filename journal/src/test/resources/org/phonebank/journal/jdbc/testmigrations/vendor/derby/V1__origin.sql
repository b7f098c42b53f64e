-- SPDX-License-Identifier: AGPL-3.0-or-later
CREATE TABLE origin_derby (marker INTEGER NOT NULL);
INSERT INTO origin_derby (marker) VALUES (1);
