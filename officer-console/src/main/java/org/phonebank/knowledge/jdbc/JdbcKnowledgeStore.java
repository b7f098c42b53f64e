// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.phonebank.knowledge.Article;
import org.phonebank.knowledge.ArticleId;
import org.phonebank.knowledge.ArticleText;
import org.phonebank.knowledge.ArticleVersion;
import org.phonebank.knowledge.Knowledge;
import org.phonebank.knowledge.KnowledgeRefusal;
import org.phonebank.knowledge.KnowledgeStore;

/**
 * The knowledge store in tables {@code knowledge_article} and {@code knowledge_article_version}
 * (journal migration V22). Versions are only inserted: two edits made on the same version cannot
 * both become the next one, because the second insert hits the primary key (article, version) and
 * is refused as edited meanwhile. Times are UTC.
 */
public final class JdbcKnowledgeStore implements KnowledgeStore {

  /** SQLState of a unique or primary key violation, on Derby and PostgreSQL alike. */
  private static final String DUPLICATE_KEY = "23505";

  private static final String VERSION_COLUMNS =
      "v.article_id, v.version_no, v.title_en, v.title_fa, v.body_en, v.body_fa,"
          + " v.escalation_reasons, v.response_codes, v.edited_by, v.edited_at";

  private final DataSource dataSource;

  public JdbcKnowledgeStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
  }

  @Override
  public List<Article> current() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT a.parent_id, a.sort_order, "
                    + VERSION_COLUMNS
                    + " FROM knowledge_article a JOIN knowledge_article_version v"
                    + " ON v.article_id = a.article_id"
                    + " WHERE v.version_no = (SELECT MAX(w.version_no)"
                    + " FROM knowledge_article_version w WHERE w.article_id = a.article_id)"
                    + " ORDER BY a.sort_order, a.article_id");
        ResultSet row = query.executeQuery()) {
      List<Article> articles = new ArrayList<>();
      while (row.next()) {
        ArticleVersion current = version(row);
        String parent = row.getString("parent_id");
        articles.add(
            new Article(
                current.id(),
                Optional.ofNullable(parent).map(ArticleId::new),
                row.getInt("sort_order"),
                current));
      }
      return articles;
    } catch (SQLException e) {
      throw failed("read the knowledge tree", e);
    }
  }

  @Override
  public List<ArticleVersion> history(ArticleId id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT "
                    + VERSION_COLUMNS
                    + " FROM knowledge_article_version v WHERE v.article_id = ?"
                    + " ORDER BY v.version_no")) {
      query.setString(1, id.value());
      List<ArticleVersion> versions = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          versions.add(version(row));
        }
      }
      return versions;
    } catch (SQLException e) {
      throw failed("read an article's history", e);
    }
  }

  @Override
  public ArticleVersion addVersion(
      ArticleId id, int baseVersion, ArticleText text, String editor, Instant at) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        Integer current = currentVersion(connection, id);
        if (current == null) {
          throw new KnowledgeRefusal(KnowledgeRefusal.Kind.NOT_FOUND, "No article " + id + ".");
        }
        if (current != baseVersion) {
          throw Knowledge.editedMeanwhile(id, baseVersion, current);
        }
        ArticleVersion next = new ArticleVersion(id, current + 1, text, editor, at);
        insertVersion(connection, next);
        connection.commit();
        return next;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        if (e instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState())) {
          throw Knowledge.editedMeanwhile(id, baseVersion, baseVersion + 1);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw failed("store an article's new version", e);
    }
  }

  @Override
  public boolean create(
      ArticleId id, Optional<ArticleId> parent, ArticleText text, String editor, Instant at) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        if (currentVersion(connection, id) != null) {
          connection.rollback();
          return false;
        }
        if (parent.isPresent() && currentVersion(connection, parent.get()) == null) {
          throw Knowledge.noSuchParent(parent.get());
        }
        int order;
        try (PreparedStatement last =
                connection.prepareStatement("SELECT MAX(sort_order) FROM knowledge_article");
            ResultSet row = last.executeQuery()) {
          row.next();
          order = row.getInt(1) + 1;
        }
        try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO knowledge_article (article_id, parent_id, sort_order, created_at)"
                    + " VALUES (?, ?, ?, ?)")) {
          insert.setString(1, id.value());
          insert.setString(2, parent.map(ArticleId::value).orElse(null));
          insert.setInt(3, order);
          insert.setTimestamp(4, Timestamp.from(at), utc());
          insert.executeUpdate();
        }
        insertVersion(connection, new ArticleVersion(id, 1, text, editor, at));
        connection.commit();
        return true;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        if (e instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState())) {
          return false; // another node created it meanwhile (both seeding at start)
        }
        throw e;
      }
    } catch (SQLException e) {
      throw failed("create an article", e);
    }
  }

  private static Integer currentVersion(Connection connection, ArticleId id) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT MAX(version_no) FROM knowledge_article_version WHERE article_id = ?")) {
      query.setString(1, id.value());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        int version = row.getInt(1);
        return row.wasNull() ? null : version;
      }
    }
  }

  private static void insertVersion(Connection connection, ArticleVersion version)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO knowledge_article_version (article_id, version_no, title_en, title_fa,"
                + " body_en, body_fa, escalation_reasons, response_codes, edited_by, edited_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ArticleText text = version.text();
      insert.setString(1, version.id().value());
      insert.setInt(2, version.version());
      insert.setString(3, text.titleEnglish());
      insert.setString(4, text.titlePersian());
      insert.setString(5, text.bodyEnglish());
      insert.setString(6, text.bodyPersian());
      insert.setString(7, String.join(" ", text.escalationReasons()));
      insert.setString(8, String.join(" ", text.responseCodes()));
      insert.setString(9, version.editedBy());
      insert.setTimestamp(10, Timestamp.from(version.editedAt()), utc());
      insert.executeUpdate();
    }
  }

  private static ArticleVersion version(ResultSet row) throws SQLException {
    return new ArticleVersion(
        new ArticleId(row.getString("article_id")),
        row.getInt("version_no"),
        new ArticleText(
            row.getString("title_en"),
            row.getString("title_fa"),
            row.getString("body_en"),
            row.getString("body_fa"),
            keys(row.getString("escalation_reasons")),
            keys(row.getString("response_codes"))),
        row.getString("edited_by"),
        row.getTimestamp("edited_at", utc()).toInstant());
  }

  private static List<String> keys(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(" "));
  }

  private static IllegalStateException failed(String what, SQLException e) {
    return new IllegalStateException(
        "Could not " + what + " (SQLState " + e.getSQLState() + ")", e);
  }

  private static Calendar utc() {
    return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
  }
}
