// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.phonebank.knowledge.Knowledge;
import org.phonebank.knowledge.SeedArticles;
import org.phonebank.knowledge.jdbc.JdbcKnowledgeStore;
import org.phonebank.server.PhoneBankServer;

/**
 * Produces the knowledge tree on the server's database, and loads the starting tree ({@link
 * SeedArticles#shipped()}) when the console starts: articles not yet there are added, those there
 * are left alone (a supervisor's edits are never replaced). Should the database refuse at start,
 * the first request tries again.
 */
@ApplicationScoped
public class KnowledgePorts {

  private static final System.Logger LOG = System.getLogger(KnowledgePorts.class.getName());

  @EJB private PhoneBankServer server;

  private final AtomicBoolean seeded = new AtomicBoolean();

  void seedAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    try {
      seedOnce(knowledge());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "The starting knowledge tree was not loaded yet: " + e);
    }
  }

  @Produces
  @Dependent
  public Knowledge knowledgeTree() {
    Knowledge knowledge = knowledge();
    seedOnce(knowledge);
    return knowledge;
  }

  private Knowledge knowledge() {
    return new Knowledge(new JdbcKnowledgeStore(server.dataSource()), Clock.systemUTC());
  }

  private void seedOnce(Knowledge knowledge) {
    if (seeded.get()) {
      return;
    }
    synchronized (seeded) {
      if (!seeded.get()) {
        int added = knowledge.seed(SeedArticles.shipped());
        seeded.set(true);
        LOG.log(
            System.Logger.Level.INFO,
            "Knowledge tree: " + added + " starting articles added (the others were there).");
      }
    }
  }
}
