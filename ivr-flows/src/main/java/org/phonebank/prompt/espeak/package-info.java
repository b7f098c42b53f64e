// SPDX-License-Identifier: AGPL-3.0-or-later
/** Names spoken as names by espeak-ng into short-lived WAV files FreeSWITCH plays (an edge). */
package org.phonebank.prompt.espeak;
