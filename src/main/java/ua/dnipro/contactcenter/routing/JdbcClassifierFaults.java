package ua.dnipro.contactcenter.routing;

import java.sql.Timestamp;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Classifier faults in {@code cc_classifier_fault}, and in the log for whoever watches it. */
@Repository
class JdbcClassifierFaults implements ClassifierFaults {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcClassifierFaults.class);

  private final JdbcTemplate jdbc;

  JdbcClassifierFaults(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void report(Fault fault) {
    LOG.error("Classifier fault: {} version {} could not route complaint {}: {}; it goes to the dispatchers",
        fault.decisionKey(), fault.decisionVersion(), fault.complaintNumber(), fault.problem());
    jdbc.update("""
        INSERT INTO cc_classifier_fault (occurred_at, complaint_number, decision_key, decision_version, problem)
        VALUES (?, ?, ?, ?, ?)""", Timestamp.from(fault.occurredAt()), fault.complaintNumber(), fault.decisionKey(),
        fault.decisionVersion(), fault.problem());
  }

  @Override
  public List<Fault> latest(int limit) {
    return jdbc.query("SELECT * FROM cc_classifier_fault ORDER BY id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
        (rs, i) -> new Fault(rs.getTimestamp("occurred_at").toInstant(), rs.getString("complaint_number"),
            rs.getString("decision_key"), rs.getInt("decision_version"), rs.getString("problem")));
  }
}
