// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.phonebank.officer.desk.DeskRefusal;

/** A refused desk request as {@code {"error": "..."}} with the status its kind names. */
@Provider
public class Refusals implements ExceptionMapper<DeskRefusal> {

  @Override
  public Response toResponse(DeskRefusal refusal) {
    Response.Status status =
        switch (refusal.kind()) {
          case BAD_INPUT -> Response.Status.BAD_REQUEST;
          case NOT_YOURS -> Response.Status.FORBIDDEN;
          case CONFLICT -> Response.Status.CONFLICT;
          case NO_QUEUES -> Response.Status.SERVICE_UNAVAILABLE;
        };
    return error(status, refusal.getMessage());
  }

  public static Response error(Response.Status status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(Map.of("error", message))
        .build();
  }
}
