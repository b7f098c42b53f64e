// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.List;
import org.phonebank.escalation.EscalationReason;
import org.phonebank.knowledge.ArticleText;
import org.phonebank.knowledge.Knowledge;
import org.phonebank.knowledge.KnowledgeRefusal;
import org.phonebank.officer.OfficerRoles;
import org.phonebank.officer.desk.ResponseCodeWords;

/**
 * The knowledge tree under {@code /officer/api/knowledge}. Officers and supervisors read: {@code
 * GET} the outline; {@code GET articles/{id}} an article with every version; {@code GET
 * search?q=...}; {@code GET suggestions?reason=...&code=51&code=...} what the screen-pop suggests
 * (codes latest first). Supervisors edit: {@code POST articles/{id}/versions} ({@code
 * {"baseVersion": n, "titleEnglish": ..., "titlePersian": ..., "bodyEnglish": ..., "bodyPersian":
 * ..., "escalationReasons": [...], "responseCodes": [...]}}) adds the next version; {@code POST
 * articles} (the same with {@code "id"} and {@code "parent"}) adds an article. Refusals are {@code
 * {"error": "..."}} with 400, 404 or 409.
 */
@RequestScoped
@Path("knowledge")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({OfficerRoles.OFFICER, OfficerRoles.SUPERVISOR})
public class KnowledgeResource {

  /** Body of an edit or a new article. */
  public static class Edit {
    public String id;
    public String parent;
    public int baseVersion;
    public String titleEnglish;
    public String titlePersian;
    public String bodyEnglish;
    public String bodyPersian;
    public List<String> escalationReasons;
    public List<String> responseCodes;

    ArticleText text() {
      return Knowledge.text(
          titleEnglish, titlePersian, bodyEnglish, bodyPersian, escalationReasons, responseCodes);
    }
  }

  @Inject private Knowledge knowledge;

  @Context private SecurityContext security;

  @GET
  public KnowledgeViews.TreeView tree() {
    return new KnowledgeViews.TreeView(
        security.isUserInRole(OfficerRoles.SUPERVISOR),
        KnowledgeViews.outline(knowledge.tree().outline()),
        Arrays.stream(EscalationReason.values())
            .map(reason -> new KnowledgeViews.Target(reason.key(), reason.key()))
            .toList(),
        ResponseCodeWords.declineCodes().stream()
            .map(code -> new KnowledgeViews.Target(code, ResponseCodeWords.of(code).english()))
            .toList());
  }

  @GET
  @Path("articles/{id}")
  public KnowledgeViews.ArticleView article(@PathParam("id") String id) {
    return KnowledgeViews.article(knowledge.history(id));
  }

  @GET
  @Path("search")
  public List<KnowledgeViews.Hit> search(@QueryParam("q") String query) {
    return knowledge.search(query).stream().map(KnowledgeViews::hit).toList();
  }

  @GET
  @Path("suggestions")
  public List<KnowledgeViews.Hit> suggestions(
      @QueryParam("reason") String reason, @QueryParam("code") List<String> codes) {
    return knowledge.suggest(reason, codes).stream().map(KnowledgeViews::hit).toList();
  }

  @POST
  @Path("articles/{id}/versions")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(OfficerRoles.SUPERVISOR)
  public KnowledgeViews.ArticleView edit(@PathParam("id") String id, Edit edit) {
    knowledge.edit(editor(), id, required(edit).baseVersion, edit.text());
    return article(id);
  }

  @POST
  @Path("articles")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(OfficerRoles.SUPERVISOR)
  public KnowledgeViews.ArticleView create(Edit edit) {
    knowledge.create(editor(), required(edit).id, edit.parent, edit.text());
    return article(edit.id);
  }

  private static Edit required(Edit edit) {
    if (edit == null) {
      throw new KnowledgeRefusal(
          KnowledgeRefusal.Kind.BAD_INPUT, "An article has titles and bodies in both languages.");
    }
    return edit;
  }

  private String editor() {
    return security.getUserPrincipal().getName();
  }
}
