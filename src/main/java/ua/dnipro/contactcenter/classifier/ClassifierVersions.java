package ua.dnipro.contactcenter.classifier;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The classifier's version history (table cc_classifier_version). */
@Repository
public class ClassifierVersions {

  /** How a version came to be deployed. */
  public enum Source {
    /** The tables shipped in the repository's decisions/, deployed at start-up. */
    RELEASE,
    /** Uploaded by an analyst through the API or the classifier page. */
    UPLOAD,
    /** Deployed from Camunda Modeler (POST /engine-rest/deployment/create). */
    MODELER,
    /** An earlier version deployed again. */
    ROLLBACK
  }

  /** One deployed version. {@code changes} is JSON: per table, the rules added, removed and changed. */
  public record ClassifierVersion(long id, String deploymentId, Instant deployedAt, String deployedBy, Source source,
      String comment, int routingVersion, int slaVersion, String tablesHash, String changes, Long rolledBackTo) {
  }

  private static final RowMapper<ClassifierVersion> ROW = (rs, i) -> new ClassifierVersion(rs.getLong("id"),
      rs.getString("deployment_id"), rs.getTimestamp("deployed_at").toInstant(), rs.getString("deployed_by"),
      Source.valueOf(rs.getString("source")), rs.getString("comment"), rs.getInt("routing_version"),
      rs.getInt("sla_version"), rs.getString("tables_hash"), rs.getString("changes"),
      rs.getObject("rolled_back_to") == null ? null : rs.getLong("rolled_back_to"));

  private final JdbcTemplate jdbc;

  public ClassifierVersions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long add(String deploymentId, Instant at, String by, Source source, String comment, int routingVersion,
      int slaVersion, String tablesHash, String changes, Long rolledBackTo) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("""
          INSERT INTO cc_classifier_version (deployment_id, deployed_at, deployed_by, source, comment, routing_version,
                                             sla_version, tables_hash, changes, rolled_back_to)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      statement.setString(1, deploymentId);
      statement.setTimestamp(2, Timestamp.from(at));
      statement.setString(3, by);
      statement.setString(4, source.name());
      statement.setString(5, comment);
      statement.setInt(6, routingVersion);
      statement.setInt(7, slaVersion);
      statement.setString(8, tablesHash);
      statement.setString(9, changes);
      if (rolledBackTo == null) {
        statement.setNull(10, java.sql.Types.BIGINT);
      } else {
        statement.setLong(10, rolledBackTo);
      }
      return statement;
    }, key);
    return key.getKey().longValue();
  }

  /** Newest first. */
  public List<ClassifierVersion> all() {
    return jdbc.query("SELECT * FROM cc_classifier_version ORDER BY id DESC", ROW);
  }

  public Optional<ClassifierVersion> byId(long id) {
    return jdbc.query("SELECT * FROM cc_classifier_version WHERE id = ?", ROW, id).stream().findFirst();
  }

  public Optional<ClassifierVersion> latest() {
    return jdbc.query("SELECT * FROM cc_classifier_version ORDER BY id DESC LIMIT 1", ROW).stream().findFirst();
  }

  /** Whether the tables with this fingerprint were ever deployed as a release. */
  public boolean releasedBefore(String tablesHash) {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM cc_classifier_version WHERE source = 'RELEASE' AND tables_hash = ?",
        Long.class, tablesHash);
    return count != null && count > 0;
  }
}
