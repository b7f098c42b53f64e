// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.console.guard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormCredentialsTest {

  private static FormCredentials parse(String body) {
    return FormCredentials.parse(body.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void aFormEncodedUserAndPasswordAreReadAndThePasswordIsWipedOnClose() {
    FormCredentials credentials = parse("username=officer&password=p%C3%A4ss+word%26%3D");
    char[] password = credentials.password();
    assertEquals("officer", credentials.user());
    assertArrayEquals("päss word&=".toCharArray(), password);
    assertFalse(credentials.toString().contains("päss"));
    credentials.close();
    assertArrayEquals(new char[password.length], password);
  }

  @Test
  void malformedBodiesGiveNoUserOrAnEmptyPassword() {
    assertEquals("", parse("").user());
    assertEquals("", parse("password=x").user());
    assertEquals(0, parse("username=a&password=%G1").password().length);
    assertEquals(0, parse("username=a&password=%4").password().length);
    assertEquals(0, parse("username=a&password=%FF").password().length, "not UTF-8");
  }
}
