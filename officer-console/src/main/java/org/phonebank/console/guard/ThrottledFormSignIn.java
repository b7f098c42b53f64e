// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.console.guard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.auth.message.callback.PasswordValidationCallback;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * Form sign-in (Jakarta Security) against the server's realm (Payara's {@code file} realm by
 * default, checked by the container through a {@link PasswordValidationCallback}; a bank plugs in
 * its LDAP by pointing the web module at an LDAP realm), with failures throttled per user name and
 * per client address by a {@link SignInThrottle}.
 *
 * <ul>
 *   <li>{@code POST /sign-in} with {@code username} and {@code password} form-encoded, sent by the
 *       console's own sign-in page (it must pass the same cross-site check as every change): 204
 *       and a session on success; 401 on a wrong password; 429 with {@code Retry-After} for a
 *       throttled name or address, whose password is not checked at all.
 *   <li>The session then carries the sign-in ({@link AutoApplySession}); it expires after the idle
 *       time web.xml sets. The session id is changed at sign-in, so one planted before is useless.
 *   <li>A protected page without a session is sent to the sign-in page; a protected API or event
 *       stream gets 401, which the page's script turns into the sign-in page.
 * </ul>
 */
@AutoApplySession
@ApplicationScoped
public class ThrottledFormSignIn implements HttpAuthenticationMechanism {

  /** Where the console's sign-in page posts. */
  public static final String SIGN_IN_PATH = "/sign-in";

  /** The sign-in page. */
  public static final String SIGN_IN_PAGE = "/sign-in.html";

  private static final System.Logger LOG = System.getLogger(ThrottledFormSignIn.class.getName());

  private final SignInThrottle throttle = SignInThrottle.standard();

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    ConsoleGuardFilter.addSecurityHeaders(request, response);
    if ("POST".equals(request.getMethod()) && SIGN_IN_PATH.equals(request.getServletPath())) {
      return signIn(request, response, context);
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    if ("GET".equals(request.getMethod()) && wantsPage(request)) {
      return context.redirect(request.getContextPath() + SIGN_IN_PAGE);
    }
    return refuse(response, HttpServletResponse.SC_UNAUTHORIZED);
  }

  private AuthenticationStatus signIn(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (!ConsoleGuardFilter.sameSite(request)) {
      return refuse(response, HttpServletResponse.SC_FORBIDDEN);
    }
    byte[] body;
    try {
      body = readBody(request);
    } catch (IOException e) {
      return refuse(response, HttpServletResponse.SC_BAD_REQUEST);
    }
    try (FormCredentials credentials = FormCredentials.parse(body)) {
      Arrays.fill(body, (byte) 0);
      if (credentials.user().isEmpty() || credentials.user().length() > 64) {
        return refuse(response, HttpServletResponse.SC_UNAUTHORIZED);
      }
      String userKey = "user:" + credentials.user();
      String addressKey = "address:" + request.getRemoteAddr();
      Duration wait = throttle.waitBefore(userKey, addressKey);
      if (!wait.isZero()) {
        response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
        return refuse(response, 429);
      }
      PasswordValidationCallback check =
          new PasswordValidationCallback(
              context.getClientSubject(), credentials.user(), credentials.password());
      context.getHandler().handle(new Callback[] {check});
      if (check.getResult()) {
        throttle.succeeded(userKey);
        if (request.getSession(false) != null) {
          request.changeSessionId();
        }
        return AuthenticationStatus.SUCCESS;
      }
      throttle.failed(userKey, addressKey);
      LOG.log(
          Level.WARNING, "Console sign-in failed for a user from {0}.", request.getRemoteAddr());
      return refuse(response, HttpServletResponse.SC_UNAUTHORIZED);
    } catch (IOException | UnsupportedCallbackException e) {
      LOG.log(Level.ERROR, "The server could not check a console password.", e);
      return refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
  }

  private static byte[] readBody(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > FormCredentials.MAX_BODY) {
      throw new IOException("Sign-in body too long");
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(FormCredentials.MAX_BODY + 1);
      if (body.length > FormCredentials.MAX_BODY) {
        Arrays.fill(body, (byte) 0);
        throw new IOException("Sign-in body too long");
      }
      return body;
    }
  }

  private static boolean wantsPage(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }

  /** As Soteria's own mechanisms do it: an error response, then SEND_FAILURE. */
  private static AuthenticationStatus refuse(HttpServletResponse response, int status) {
    try {
      response.sendError(status);
    } catch (IOException e) {
      // The client went away; nothing more to tell it.
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
