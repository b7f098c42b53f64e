// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * FreeSWITCH outbound Event Socket adapter: a server that runs a call flow per call through an
 * EslPhone.
 */
package org.phonebank.call.esl;
