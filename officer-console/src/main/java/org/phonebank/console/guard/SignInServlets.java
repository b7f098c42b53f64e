// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.console.guard;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.phonebank.officer.OfficerRoles;

/** The ends of {@link ThrottledFormSignIn}'s sign-in and of signing out. */
public final class SignInServlets {

  /** Where the sign-in page sends the user, relative to the console, when not the desk. */
  public static final String HOME_HEADER = "X-Phonebank-Home";

  private SignInServlets() {}

  /** {@code POST /sign-in}: reached only once the mechanism signed the user in. */
  @WebServlet(ThrottledFormSignIn.SIGN_IN_PATH)
  public static class SignIn extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      if (request.getUserPrincipal() == null) {
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        return;
      }
      // A back-office user's console is the back office: the sign-in page goes there instead.
      if (request.isUserInRole(OfficerRoles.BACKOFFICE)
          && !request.isUserInRole(OfficerRoles.OFFICER)
          && !request.isUserInRole(OfficerRoles.SUPERVISOR)) {
        response.setHeader(HOME_HEADER, "backoffice/");
      }
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.sendRedirect(request.getContextPath() + ThrottledFormSignIn.SIGN_IN_PAGE);
    }
  }

  /** {@code POST /sign-out}: ends the session; the page then shows the sign-in page. */
  @WebServlet("/sign-out")
  public static class SignOut extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
        throws IOException, ServletException {
      request.logout();
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
  }
}
