// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * FreeSWITCH Event Socket wire protocol on Netty: frames, events, commands and their codecs, no
 * call logic.
 */
package org.phonebank.esl;
