// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The nightly reconciliation as a Jakarta Batch job on Payara (job XML {@code
 * META-INF/batch-jobs/reconciliation.xml}): thin reader, processor, writer and report over {@code
 * org.phonebank.settlement.run.RunCursor}, the settlement-file inbox and the nightly timer.
 */
package org.phonebank.settlement.batch;
