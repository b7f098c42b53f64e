// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

/**
 * Why a call's Event Socket session ended: each telephony failure mode has its own name in the log.
 */
enum CallEnd {
  APP_HUNG_UP("the phone bank hung up"),
  HANDED_OVER("the call was transferred to an officer"),
  CALLER_HUNG_UP("the caller hung up"),
  FLOW_FAILED("the call flow failed"),
  COMMAND_REJECTED("FreeSWITCH refused a command (-ERR)"),
  NO_REPLY("FreeSWITCH did not answer within the command timeout"),
  BAD_FRAME("FreeSWITCH sent a malformed frame"),
  TOO_MANY_EVENTS("FreeSWITCH sent more events than the call could read"),
  CONNECTION_LOST("the socket closed before the call was over"),
  INTERRUPTED("the call's thread was interrupted"),
  NO_THREAD("no thread was free to run the call flow"),
  NO_CONNECT_REPLY("the peer did not answer connect within the handshake timeout"),
  NOT_OUR_FREESWITCH("the peer's connect reply lacked the installation's secret"),
  BAD_CALL_ID("the connect reply's Unique-ID is not a usable call id");

  private final String description;

  CallEnd(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }
}
