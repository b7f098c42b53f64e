// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Duration;

/**
 * One queue's figures over a period, counting the callers who joined it in the period.
 *
 * @param averageAbandonAfter how long abandoning callers held, on average (zero when none)
 * @param answeredWithinServiceLevel answered within {@code service-level-seconds} of joining
 * @param averageSpeedOfAnswer joining to answer, over answered callers (zero when none)
 * @param averageHandlingTime answer to end, over ended conversations (zero when none)
 * @param endedBySystem callers ended SYSTEM: the node holding their line stopped
 */
public record QueueFigures(
    String queue,
    int offered,
    int answered,
    int abandoned,
    Duration averageAbandonAfter,
    int answeredWithinServiceLevel,
    Duration averageSpeedOfAnswer,
    Duration averageHandlingTime,
    int callbacksRequested,
    int callbacksCompleted,
    int endedBySystem) {}
