// SPDX-License-Identifier: AGPL-3.0-or-later
/** Prompt recordings generated from the prompt catalogues' text, for FreeSWITCH to play. */
package org.phonebank.promptaudio;
