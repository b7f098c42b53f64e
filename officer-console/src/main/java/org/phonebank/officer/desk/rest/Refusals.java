// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.phonebank.console.ConsoleRefusal;

/**
 * Every console's refused request (the desk's, the knowledge tree's) as {@code {"error": "..."}}
 * with the status its kind names.
 */
@Provider
public class Refusals implements ExceptionMapper<ConsoleRefusal> {

  @Override
  public Response toResponse(ConsoleRefusal refusal) {
    Response.Status status =
        switch (refusal.kind()) {
          case BAD_INPUT -> Response.Status.BAD_REQUEST;
          case NOT_YOURS -> Response.Status.FORBIDDEN;
          case NOT_FOUND -> Response.Status.NOT_FOUND;
          case CONFLICT -> Response.Status.CONFLICT;
          case NO_QUEUES -> Response.Status.SERVICE_UNAVAILABLE;
        };
    return error(status, refusal.getMessage());
  }

  /** {@code {"error": message}} with {@code status}, for refusals a resource words itself. */
  public static Response error(Response.Status status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(Map.of("error", message))
        .build();
  }
}
