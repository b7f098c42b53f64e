// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * A run's two sides merged as streams in match-key order: keys packed into two longs, each side put
 * in order by an external sort into temporary sorted runs, records kept as compact bytes and
 * decoded only when their group is read. What a business date of a million items needs to fit a
 * small heap; the groups it yields are the same, in the same order, as {@code MatchGroup.of}.
 */
package org.phonebank.settlement.merge;
