// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Duration;

/**
 * One officer's figures over a period: offers rung, answered, refused, missed (no answer or
 * unreachable), and the average handling time of the conversations they finished.
 */
public record OfficerFigures(
    String officerId,
    int offered,
    int answered,
    int refused,
    int missed,
    Duration averageHandlingTime) {}
