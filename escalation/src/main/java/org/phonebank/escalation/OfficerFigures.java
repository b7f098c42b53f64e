// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Duration;

/**
 * One officer's figures over a period: offers rung, answered, refused, missed (no answer or
 * unreachable), and abandoned while their phone rang; of the callers they answered, how many within
 * the service level of joining the queue, the average speed of answer (joining to answer) and
 * handling time (answer to end, over finished conversations), and the callbacks they completed.
 * Averages are zero when there is nothing to average.
 */
public record OfficerFigures(
    String officerId,
    int offered,
    int answered,
    int refused,
    int missed,
    int abandonedWhileRinging,
    int answeredWithinServiceLevel,
    Duration averageSpeedOfAnswer,
    Duration averageHandlingTime,
    int callbacksCompleted) {}
