// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Callers who leave self-service for a person: the escalation they carry, officers' skills and
 * queues, and the routing rules (longest idle capable officer, overflow, widening), in plain Java.
 */
package org.phonebank.escalation;
