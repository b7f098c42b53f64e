// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.console.guard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.auth.message.callback.PasswordValidationCallback;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * HTTP Basic sign-in against the server's realm (Payara's {@code file} realm, checked by the
 * container through a {@link PasswordValidationCallback}), with failures throttled per user name
 * and per client address by a {@link SignInThrottle}: a refused attempt gets {@code 429 Too Many
 * Requests} with {@code Retry-After}, and its password is not checked at all. Protected pages
 * without credentials get the usual {@code 401} challenge.
 */
@ApplicationScoped
public class ThrottledBasicSignIn implements HttpAuthenticationMechanism {

  private static final System.Logger LOG = System.getLogger(ThrottledBasicSignIn.class.getName());
  private static final String REALM = "Phone bank console";

  private final SignInThrottle throttle = SignInThrottle.standard();

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    ConsoleGuardFilter.addSecurityHeaders(request, response);
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return context.isProtected() ? challenge(response, context) : context.doNothing();
    }
    char[] decoded = decode(header.substring(6).trim());
    try {
      int colon = indexOf(decoded, ':');
      if (colon <= 0) {
        return challenge(response, context);
      }
      String user = new String(decoded, 0, colon);
      String userKey = "user:" + user;
      String addressKey = "address:" + request.getRemoteAddr();
      Duration wait = throttle.waitBefore(userKey, addressKey);
      if (!wait.isZero()) {
        response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
        return refuse(response, context, 429);
      }
      char[] password = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
      try {
        PasswordValidationCallback check =
            new PasswordValidationCallback(context.getClientSubject(), user, password);
        context.getHandler().handle(new Callback[] {check});
        if (check.getResult()) {
          throttle.succeeded(userKey);
          return AuthenticationStatus.SUCCESS;
        }
      } finally {
        Arrays.fill(password, '\0');
      }
      throttle.failed(userKey, addressKey);
      LOG.log(
          Level.WARNING, "Console sign-in failed for a user from {0}.", request.getRemoteAddr());
      return challenge(response, context);
    } catch (IOException | UnsupportedCallbackException e) {
      LOG.log(Level.ERROR, "The server could not check a console password.", e);
      return refuse(response, context, 503);
    } finally {
      Arrays.fill(decoded, '\0');
    }
  }

  private static AuthenticationStatus challenge(
      HttpServletResponse response, HttpMessageContext context) {
    response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    return refuse(response, context, HttpServletResponse.SC_UNAUTHORIZED);
  }

  /** As Soteria's own Basic mechanism does it: an error response, then SEND_FAILURE. */
  private static AuthenticationStatus refuse(
      HttpServletResponse response, HttpMessageContext context, int status) {
    try {
      response.sendError(status);
    } catch (IOException e) {
      // The client went away; nothing more to tell it.
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  /** The credentials as characters, never as one String holding the password. */
  private static char[] decode(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return new char[0];
    }
    try {
      CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes));
      char[] out = new char[chars.remaining()];
      chars.get(out);
      Arrays.fill(chars.array(), '\0');
      return out;
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static int indexOf(char[] chars, char wanted) {
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}
