package ua.dnipro.contactcenter.open311;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;

/**
 * The public record of complaints, as Open311 shows it: the application's own tables, never the
 * vault. A complaint's place is the centre of its map cell (about a kilometre), never its address
 * or point; nothing people wrote about it (descriptions, resolutions, reasons) is read at all, only
 * the public description a dispatcher published (see PublicDescriptionController).
 */
@Repository
class PublicRequests {

  /** A complaint as the public sees it. */
  record Row(String number, ComplaintStatus status, String category, String issueType, String department,
      Instant receivedAt, Instant dueAt, Instant updatedAt, Double cellLat, Double cellLon, String description) {
  }

  /** A change of a complaint, as the public sees it: the event and the status it left, with when. */
  record Update(long id, String number, String event, ComplaintStatus status, String department, Instant at) {
  }

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String SELECT = """
      SELECT s.complaint_number, s.status, s.category, s.issue_type, s.department, s.received_at, s.due_at,
             (SELECT MAX(e.occurred_at) FROM cc_complaint_event e WHERE e.complaint_number = s.complaint_number)
               AS updated_at,
             f.cell_lat, f.cell_lon, d.description AS public_description
      FROM cc_complaint_state s LEFT JOIN cc_complaint_fact f ON f.complaint_number = s.complaint_number
        LEFT JOIN cc_public_description d ON d.complaint_number = s.complaint_number
      """;
  private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getString("complaint_number"),
      ComplaintStatus.valueOf(rs.getString("status")), rs.getString("category"), rs.getString("issue_type"),
      rs.getString("department"), instant(rs, "received_at"), instant(rs, "due_at"), instant(rs, "updated_at"),
      number(rs, "cell_lat"), number(rs, "cell_lon"), rs.getString("public_description"));

  private final JdbcTemplate jdbc;

  PublicRequests(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Row> byNumbers(Collection<String> numbers) {
    if (numbers.isEmpty()) {
      return List.of();
    }
    return jdbc.query(SELECT + "WHERE s.complaint_number IN (" + marks(numbers.size()) + ") ORDER BY s.received_at DESC",
        ROW, numbers.toArray());
  }

  /**
   * The complaints received in [from, to], of these services (category and issue type; all if
   * none) and statuses (all if none), the newest first.
   */
  List<Row> query(List<Open311Services.Service> services, Instant from, Instant to, Collection<ComplaintStatus> statuses, int offset,
      int limit) {
    StringBuilder where = new StringBuilder("WHERE s.received_at >= ? AND s.received_at <= ?");
    List<Object> arguments = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
    if (!services.isEmpty()) {
      where.append(" AND (");
      for (int i = 0; i < services.size(); i++) {
        where.append(i == 0 ? "" : " OR ").append("(s.category = ? AND s.issue_type = ?)");
        arguments.add(services.get(i).category());
        arguments.add(services.get(i).issueType());
      }
      where.append(')');
    }
    if (!statuses.isEmpty()) {
      where.append(" AND s.status IN (").append(marks(statuses.size())).append(')');
      statuses.forEach(status -> arguments.add(status.name()));
    }
    arguments.add(offset);
    arguments.add(limit);
    return jdbc.query(SELECT + where + " ORDER BY s.received_at DESC, s.complaint_number OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
        ROW, arguments.toArray());
  }

  /** The changes made in [from, to], oldest first (changes recorded before their time was kept are left out). */
  List<Update> updates(Instant from, Instant to, int offset, int limit) {
    return jdbc.query("""
        SELECT id, complaint_number, entry, occurred_at FROM cc_complaint_event
        WHERE occurred_at >= ? AND occurred_at <= ?
        ORDER BY occurred_at, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY""", (rs, i) -> {
          Map<String, Object> entry = parse(rs.getString("entry"));
          Object status = entry.get("status");
          return new Update(rs.getLong("id"), rs.getString("complaint_number"), (String) entry.get("event"),
              statusOf(status), (String) entry.get("department"),
              instant(rs, "occurred_at"));
        }, Timestamp.from(from), Timestamp.from(to), offset, limit);
  }

  private static Map<String, Object> parse(String entry) {
    try {
      return JSON.readValue(entry, new TypeReference<>() { });
    } catch (java.io.IOException e) {
      throw new IllegalStateException("an unreadable history entry", e);
    }
  }

  private static ComplaintStatus statusOf(Object status) {
    try {
      return status == null ? null : ComplaintStatus.valueOf(status.toString());
    } catch (IllegalArgumentException notAStatusOfThisRelease) {
      return null;
    }
  }

  private static String marks(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static Double number(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}
