// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.backoffice.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.phonebank.officer.OfficerRoles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The back office's two locks, checked without a server (the full-stack test sends a stranger and
 * an officer to every endpoint): web.xml gives its pages and API to the backoffice role alone, and
 * every back-office resource is under that API and allows that role alone, with no method opening
 * itself up.
 */
class BackOfficeAccessTest {

  private static final List<Class<?>> RESOURCES =
      List.of(SettlementFileResource.class, RunResource.class, ItemResource.class);

  @Test
  void everyBackOfficeEndpointAllowsTheBackOfficeRoleAlone() {
    int endpoints = 0;
    for (Class<?> resource : RESOURCES) {
      RolesAllowed roles = resource.getAnnotation(RolesAllowed.class);
      assertNotNull(roles, resource.getSimpleName());
      assertArrayEquals(new String[] {OfficerRoles.BACKOFFICE}, roles.value());
      assertTrue(
          resource.getAnnotation(Path.class).value().startsWith("backoffice"),
          resource.getSimpleName() + " is under /api/backoffice");
      for (Method method : resource.getDeclaredMethods()) {
        if (isEndpoint(method)) {
          endpoints++;
          assertTrue(
              method.getAnnotation(RolesAllowed.class) == null
                  && method.getAnnotation(PermitAll.class) == null,
              method + " keeps its class's role");
        }
      }
    }
    assertEquals(11, endpoints, "files, runs (7), items (3)");
  }

  @Test
  void webXmlGivesTheBackOfficePagesAndApiToTheBackOfficeRoleAlone() throws Exception {
    Document web =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new java.io.File("src/main/webapp/WEB-INF/web.xml"));
    NodeList constraints = web.getElementsByTagName("security-constraint");
    List<String> covered = new ArrayList<>();
    for (int i = 0; i < constraints.getLength(); i++) {
      Element constraint = (Element) constraints.item(i);
      List<String> patterns = texts(constraint, "url-pattern");
      if (patterns.stream().anyMatch(p -> p.contains("backoffice"))) {
        assertEquals(List.of(OfficerRoles.BACKOFFICE), texts(constraint, "role-name"));
        assertEquals(List.of("CONFIDENTIAL"), texts(constraint, "transport-guarantee"));
        covered.addAll(patterns);
      } else if (patterns.equals(List.of("/webjars/*"))) {
        // Shared third-party scripts (uPlot) hold no data: every console role.
        assertEquals(
            List.of(OfficerRoles.OFFICER, OfficerRoles.SUPERVISOR, OfficerRoles.BACKOFFICE),
            texts(constraint, "role-name"));
      } else {
        assertTrue(
            !texts(constraint, "role-name").contains(OfficerRoles.BACKOFFICE),
            "no other part of the console is the back office's: " + patterns);
      }
    }
    assertEquals(List.of("/backoffice/*", "/api/backoffice/*"), covered);
  }

  private static boolean isEndpoint(Method method) {
    return method.isAnnotationPresent(GET.class)
        || method.isAnnotationPresent(POST.class)
        || method.isAnnotationPresent(PUT.class)
        || method.isAnnotationPresent(DELETE.class);
  }

  private static List<String> texts(Element parent, String tag) {
    List<String> texts = new ArrayList<>();
    NodeList nodes = parent.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().trim());
    }
    return texts;
  }
}
