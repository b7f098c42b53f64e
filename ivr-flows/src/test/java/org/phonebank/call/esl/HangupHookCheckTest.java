// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phonebank.esl.EslEvent;
import org.phonebank.esl.EslHeader;

class HangupHookCheckTest {

  private static final String SHIPPED =
      "lua ~session:setVariable('pb_secret','');session:setVariable('pb_secret_invalid','');"
          + "session:setVariable('pb_esl_secret','')";

  private static EslEvent channelData(String withSession, String hook) {
    List<EslHeader> headers = new ArrayList<>();
    headers.add(new EslHeader("Unique-ID", "abc"));
    if (withSession != null) {
      headers.add(new EslHeader("variable_session_in_hangup_hook", withSession));
    }
    if (hook != null) {
      headers.add(new EslHeader("variable_api_hangup_hook", hook));
    }
    return EslEvent.of(headers);
  }

  @Test
  void theDocumentedDialplanClearsTheSecrets() {
    assertTrue(HangupHookCheck.clearsSecrets(channelData("true", SHIPPED)));
    assertTrue(HangupHookCheck.clearsSecrets(channelData("1", SHIPPED)));
  }

  @Test
  void noHookAHookWithoutTheSessionOrOneThatLeavesPbSecretDoNot() {
    assertFalse(HangupHookCheck.clearsSecrets(channelData(null, null)));
    assertFalse(HangupHookCheck.clearsSecrets(channelData("false", SHIPPED)));
    assertFalse(HangupHookCheck.clearsSecrets(channelData(null, SHIPPED)));
    assertFalse(
        HangupHookCheck.clearsSecrets(
            channelData("true", "lua ~session:setVariable('pb_digits','')")));
  }
}
