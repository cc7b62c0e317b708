package ua.dnipro.contactcenter.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The complaints' state and history in {@code cc_complaint_state} and {@code cc_complaint_event}.
 * What a transaction wrote it reads back from memory ({@link WrittenInThisTransaction}): a filing
 * records three or four steps of a complaint nobody else can see yet.
 */
@Repository
class JdbcComplaintRecords implements ComplaintRecords {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> ENTRY = new TypeReference<>() {
  };

  private static final RowMapper<ComplaintState> STATE = (rs, i) -> new ComplaintState(
      rs.getString("complaint_number"), rs.getString("channel"), ComplaintStatus.valueOf(rs.getString("status")),
      rs.getString("department"), rs.getString("sla_tier"), rs.getString("category"), rs.getString("issue_type"),
      instant(rs, "received_at"), instant(rs, "due_at"), instant(rs, "statutory_deadline"), rs.getBoolean("overdue"),
      rs.getInt("escalation_level"), rs.getBoolean("statutory_deadline_passed"), instant(rs, "resolved_at"),
      rs.getString("resolved_by"), (Boolean) rs.getObject("resolved_on_time"), rs.getString("resolution"),
      instant(rs, "reopenable_until"), rs.getBoolean("statutory_limit_passed"), rs.getInt("reopenings"),
      (Integer) rs.getObject("rating"), instant(rs, "confirmed_at"), rs.getString("forwarded_to"),
      rs.getString("repeat_of"));

  private final JdbcTemplate jdbc;
  /** States this transaction inserted, updated or locked. */
  private final WrittenInThisTransaction<String, ComplaintState> states = new WrittenInThisTransaction<>();
  /** The history entries (as stored) of the complaints this transaction created: all of their history. */
  private final WrittenInThisTransaction<String, List<String>> histories = new WrittenInThisTransaction<>();

  JdbcComplaintRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(ComplaintState s) {
    jdbc.update("""
        INSERT INTO cc_complaint_state (complaint_number, channel, status, department, sla_tier, category, issue_type,
            received_at, due_at, statutory_deadline, overdue, escalation_level, statutory_deadline_passed, resolved_at,
            resolved_by, resolved_on_time, resolution, reopenable_until, statutory_limit_passed, reopenings, rating,
            confirmed_at, forwarded_to, repeat_of)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        s.number(), s.channel(), s.status().name(), s.department(), s.slaTier(), s.category(), s.issueType(),
        timestamp(s.receivedAt()), timestamp(s.dueAt()), timestamp(s.statutoryDeadline()), s.overdue(),
        s.escalationLevel(), s.statutoryDeadlinePassed(), timestamp(s.resolvedAt()), s.resolvedBy(), s.resolvedOnTime(),
        s.resolution(), timestamp(s.reopenableUntil()), s.statutoryLimitPassed(), s.reopenings(), s.rating(),
        timestamp(s.confirmedAt()), s.forwardedTo(), s.repeatOf());
    states.remember(s.number(), s);
    histories.remember(s.number(), new ArrayList<>());
  }

  @Override
  public Optional<ComplaintState> find(String number) {
    return states.recall(number).or(() -> jdbc.query("SELECT * FROM cc_complaint_state WHERE complaint_number = ?",
        STATE, number).stream().findFirst());
  }

  @Override
  public Optional<String> districtOf(String number) {
    return jdbc.queryForList("SELECT district FROM cc_complaint WHERE complaint_number = ?", String.class, number)
        .stream().filter(java.util.Objects::nonNull).findFirst();
  }

  @Override
  public Optional<ComplaintState> findForUpdate(String number) {
    Optional<ComplaintState> held = states.recall(number);
    if (held.isPresent()) {
      return held; // inserted, updated or locked by this transaction: the lock is ours already
    }
    Optional<ComplaintState> locked = jdbc.query("SELECT * FROM cc_complaint_state WHERE complaint_number = ? FOR UPDATE",
        STATE, number).stream().findFirst();
    locked.ifPresent(state -> states.remember(number, state));
    return locked;
  }

  @Override
  public void update(ComplaintState s) {
    int updated = jdbc.update("""
        UPDATE cc_complaint_state SET status = ?, department = ?, sla_tier = ?, category = ?, issue_type = ?, due_at = ?,
            statutory_deadline = ?, overdue = ?, escalation_level = ?, statutory_deadline_passed = ?, resolved_at = ?,
            resolved_by = ?, resolved_on_time = ?, resolution = ?, reopenable_until = ?, statutory_limit_passed = ?,
            reopenings = ?, rating = ?, confirmed_at = ?, forwarded_to = ?, repeat_of = ?
        WHERE complaint_number = ?""",
        s.status().name(), s.department(), s.slaTier(), s.category(), s.issueType(), timestamp(s.dueAt()),
        timestamp(s.statutoryDeadline()), s.overdue(), s.escalationLevel(), s.statutoryDeadlinePassed(),
        timestamp(s.resolvedAt()), s.resolvedBy(), s.resolvedOnTime(), s.resolution(), timestamp(s.reopenableUntil()),
        s.statutoryLimitPassed(), s.reopenings(), s.rating(), timestamp(s.confirmedAt()), s.forwardedTo(), s.repeatOf(),
        s.number());
    if (updated != 1) {
      throw new IllegalStateException("no recorded state for complaint " + s.number());
    }
    states.remember(s.number(), s);
  }

  @Override
  public void forgetWrittenTexts(String number) {
    jdbc.update("UPDATE cc_complaint_state SET resolution = NULL, forwarded_to = NULL WHERE complaint_number = ?", number);
    states.recall(number).ifPresent(state -> states.remember(number, state.withoutWrittenTexts()));
  }

  @Override
  public void append(String number, Map<String, Object> entry) {
    String stored;
    try {
      stored = JSON.writeValueAsString(entry);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot record a history entry", e);
    }
    jdbc.update("INSERT INTO cc_complaint_event (complaint_number, entry, occurred_at) VALUES (?, ?, ?)", number, stored,
        timestamp(occurredAt(entry)));
    histories.recall(number).ifPresent(entries -> entries.add(stored));
  }

  private static Instant occurredAt(Map<String, Object> entry) {
    Object at = entry.get("at");
    if (at instanceof Instant instant) {
      return instant;
    }
    if (at instanceof java.util.Date date) {
      return date.toInstant();
    }
    return at == null ? EngineClock.now() : Instant.parse(at.toString());
  }

  @Override
  public List<Map<String, Object>> history(String number) {
    Optional<List<String>> written = histories.recall(number);
    if (written.isPresent()) {
      return written.get().stream().map(JdbcComplaintRecords::parse).toList();
    }
    return jdbc.query("SELECT entry FROM cc_complaint_event WHERE complaint_number = ? ORDER BY id",
        (rs, i) -> parse(rs.getString("entry")), number);
  }

  private static Map<String, Object> parse(String entry) {
    try {
      return JSON.readValue(entry, ENTRY);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a history entry is not JSON", e);
    }
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  @Override
  public List<String> openOfCategorySince(String category, String issueType, Instant since, String exceptNumber,
      int limit) {
    return jdbc.queryForList("""
        SELECT complaint_number FROM cc_complaint_state
        WHERE category = ? AND (CAST(? AS VARCHAR(64)) IS NULL OR issue_type = ?) AND received_at >= ?
          AND complaint_number <> ? AND status IN ('REGISTERED', 'IN_PROGRESS', 'AWAITING_RECLASSIFICATION')
        ORDER BY received_at DESC
        FETCH FIRST ? ROWS ONLY""", String.class, category, issueType, issueType, timestamp(since), exceptNumber, limit);
  }
}
