// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.phonebank.knowledge.KnowledgeRefusal;
import org.phonebank.officer.desk.rest.Refusals;

/** A refused knowledge request as {@code {"error": "..."}} with 400, 404 or 409. */
@Provider
public class KnowledgeRefusals implements ExceptionMapper<KnowledgeRefusal> {

  @Override
  public Response toResponse(KnowledgeRefusal refusal) {
    Response.Status status =
        switch (refusal.kind()) {
          case BAD_INPUT -> Response.Status.BAD_REQUEST;
          case NOT_FOUND -> Response.Status.NOT_FOUND;
          case CONFLICT -> Response.Status.CONFLICT;
        };
    return Refusals.error(status, refusal.getMessage());
  }
}
