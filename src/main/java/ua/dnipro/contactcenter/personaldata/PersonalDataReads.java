package ua.dnipro.contactcenter.personaldata;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import ua.dnipro.contactcenter.complaint.EngineClock;

/**
 * The access log of personal data (cc_personal_data_read): who read which complaint's personal
 * data, when, and through which door and request. One row per reader, complaint and door within the
 * logging window (an hour by default): Tasklist refreshes a department's list every few seconds, and
 * the log says who saw the address and when they first did in that hour, not how often the page
 * refreshed. Each node keeps its own window (two nodes may log the same hour twice). Reads that are
 * no one's request (the process's own steps, the job executor) are not people's reads and are not
 * logged.
 */
public class PersonalDataReads {

  private static final String SEEN = PersonalDataReads.class.getName() + ".seen";
  static final int MAX_REQUEST = 300;

  /** One logged read. */
  public record Read(Instant at, String reader, String complaintNumber, String door, String request) {
  }

  static final int REMEMBERED = 100_000;

  private final JdbcTemplate jdbc;
  private final java.time.Duration window;
  /** When each reader, complaint and door was last logged on this node. */
  private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();

  public PersonalDataReads(JdbcTemplate jdbc, java.time.Duration window) {
    this.jdbc = jdbc;
    this.window = window;
  }

  /**
   * Logs that {@code reader} is being shown the personal data of the complaint by the current
   * request; false (and nothing logged) if there is no request: the application reads for itself.
   */
  boolean logForCurrentRequest(String reader, String complaintNumber) {
    HttpServletRequest request = currentRequest();
    if (request == null) {
      return false;
    }
    @SuppressWarnings("unchecked")
    Set<String> seen = (Set<String>) request.getAttribute(SEEN);
    if (seen == null) {
      seen = new HashSet<>();
      request.setAttribute(SEEN, seen);
    }
    String who = reader == null ? "(unauthenticated)" : reader;
    String door = doorOf(request.getRequestURI());
    String key = who + "\n" + complaintNumber + "\n" + door;
    if (seen.add(key)) {
      Instant now = EngineClock.now();
      Instant last = lastLogged.get(key);
      if (last == null || !now.isBefore(last.plus(window))) {
        String uri = request.getMethod() + " " + request.getRequestURI();
        jdbc.update("""
            INSERT INTO cc_personal_data_read (read_at, reader, complaint_number, door, request)
            VALUES (?, ?, ?, ?, ?)""", Timestamp.from(now), who, complaintNumber, door,
            uri.length() <= MAX_REQUEST ? uri : uri.substring(0, MAX_REQUEST));
        if (lastLogged.size() >= REMEMBERED) {
          lastLogged.clear();
        }
        lastLogged.put(key, now);
      }
    }
    return true;
  }

  /** The log, newest first, filtered by complaint and reader (either may be null), within [from, to). */
  public List<Read> find(String complaintNumber, String reader, Instant from, Instant to, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM cc_personal_data_read WHERE read_at >= ? AND read_at < ?");
    List<Object> arguments = new java.util.ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
    if (complaintNumber != null) {
      sql.append(" AND complaint_number = ?");
      arguments.add(complaintNumber);
    }
    if (reader != null) {
      sql.append(" AND reader = ?");
      arguments.add(reader);
    }
    sql.append(" ORDER BY read_at DESC, id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
    return jdbc.query(sql.toString(), (rs, i) -> new Read(rs.getTimestamp("read_at").toInstant(), rs.getString("reader"),
        rs.getString("complaint_number"), rs.getString("door"), rs.getString("request")), arguments.toArray());
  }

  /** Forgets entries older than the moment; the log is kept as long as the appeals it is about. */
  int forgetBefore(Instant moment) {
    return jdbc.update("DELETE FROM cc_personal_data_read WHERE read_at < ?", Timestamp.from(moment));
  }

  static String doorOf(String uri) {
    if (uri.startsWith("/api/")) {
      return "api";
    }
    if (uri.startsWith("/engine-rest")) {
      return "engine-rest";
    }
    if (uri.startsWith("/camunda/")) {
      return "webapps";
    }
    if (uri.startsWith("/inbox/")) {
      // the photos Tasklist's forms show
      return "tasklist";
    }
    return "other";
  }

  private static HttpServletRequest currentRequest() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
  }
}
