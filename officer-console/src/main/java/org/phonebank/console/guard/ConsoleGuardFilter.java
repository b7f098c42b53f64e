// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.console.guard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Headers and checks every console response and request gets. Responses may not be framed by
 * another site ({@code X-Frame-Options: DENY}, CSP {@code frame-ancestors 'none'}), load scripts or
 * styles only from the console itself (CSP {@code default-src 'self'}, no inline code), are not
 * sniffed, cached or sent as a referrer, and tell browsers to keep to HTTPS. A request that changes
 * something (any method but GET, HEAD, OPTIONS) must carry {@value #REQUEST_HEADER}, which a page
 * of another site cannot add without a CORS preflight the console never grants, and, when the
 * browser sends an {@code Origin}, come from the console's own origin: a cross-site form post with
 * the officer's remembered credentials is refused with 403.
 */
@WebFilter(filterName = "console-guard", urlPatterns = "/*", asyncSupported = true)
public class ConsoleGuardFilter extends HttpFilter {

  /** The header the console's own scripts send with every request that changes something. */
  public static final String REQUEST_HEADER = "X-Phonebank-Console";

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self';"
          + " object-src 'none'";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    addSecurityHeaders(request, response);
    if (!SAFE_METHODS.contains(request.getMethod()) && !sameSite(request)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Also called at sign-in, so that refusals (401, 429) carry the headers too. */
  static void addSecurityHeaders(HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cache-Control", "no-store");
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
  }

  static boolean sameSite(HttpServletRequest request) {
    if (request.getHeader(REQUEST_HEADER) == null) {
      return false;
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String own =
        request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    String ownDefaultPort = request.getScheme() + "://" + request.getServerName();
    return origin.equalsIgnoreCase(own) || origin.equalsIgnoreCase(ownDefaultPort);
  }
}
