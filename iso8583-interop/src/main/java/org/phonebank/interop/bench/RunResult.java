// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.bench;

/**
 * What one side of the benchmark achieved: throughput, median and 99th-percentile round trip, and
 * failures.
 */
record RunResult(
    String path,
    int callers,
    int transactions,
    double perSecond,
    double p50Millis,
    double p99Millis,
    int approved,
    int failed) {}
