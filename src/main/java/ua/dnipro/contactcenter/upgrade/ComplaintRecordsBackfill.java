package ua.dnipro.contactcenter.upgrade;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.config.Precedence;

/**
 * The upgrade from the release that kept each complaint's state in process variables ({@code status},
 * {@code statusHistory}, {@code overdue}, …): at start, every complaint without a recorded state gets
 * one, rebuilt from those variables, and its history from {@code statusHistory}, so that complaints
 * filed before the upgrade go on (their deadlines, escalations, resolution and the channel's view).
 * Idempotent: a complaint with a recorded state is never touched.
 */
@Component
@Order(Precedence.StartUp.RECORDS_BACKFILL)
class ComplaintRecordsBackfill implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ComplaintRecordsBackfill.class);
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  /** What the earlier release kept as variables of the complaint's process. */
  static final List<String> EARLIER_VARIABLES = List.of("status", "statusHistory", "department", "slaTier", "category",
      "issueType", "receivedAt", "slaDeadline", "reclassificationDeadline", "statutoryDeadline", "overdue",
      "escalationLevel", "statutoryDeadlinePassed", "resolvedAt", "resolvedByDepartment", "resolution",
      "reopeningWindowEnd");

  private final JdbcTemplate jdbc;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final ComplaintRecords records;
  private final TransactionTemplate transaction;

  ComplaintRecordsBackfill(JdbcTemplate jdbc, HistoryService historyService, RuntimeService runtimeService,
      ComplaintRecords records, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.records = records;
    this.transaction = transaction;
  }

  @Override
  public void run(ApplicationArguments args) {
    int rebuilt = backfill();
    if (rebuilt > 0) {
      LOG.info("Recorded the state of {} complaints filed before this release, from their process variables", rebuilt);
    }
  }

  /** Rebuilds the records of every complaint that has none; how many. */
  int backfill() {
    return InBatches.untilNoneLeft(jdbc, transaction, """
        SELECT c.complaint_number, c.channel, c.received_at, c.process_instance_id FROM cc_complaint c
        LEFT JOIN cc_complaint_state s ON s.complaint_number = c.complaint_number
        WHERE s.complaint_number IS NULL ORDER BY c.complaint_number FETCH FIRST %d ROWS ONLY""", this::rebuild);
  }

  private void rebuild(Map<String, Object> complaint) {
    String number = (String) complaint.get("complaint_number");
    Map<String, Object> v = EarlierVariables.of(runtimeService, historyService,
        (String) complaint.get("process_instance_id"), EARLIER_VARIABLES);
    ComplaintStatus status = status(v.get("status"));
    Instant received = instant(v.get("receivedAt"), ((Timestamp) complaint.get("received_at")).toInstant());
    boolean overdue = Boolean.TRUE.equals(v.get("overdue"));
    Instant resolvedAt = status == ComplaintStatus.RESOLVED ? instant(v.get("resolvedAt"), null) : null;
    records.insert(new ComplaintState(number, (String) complaint.get("channel"), status, text(v.get("department")),
        text(v.get("slaTier")), orElse(text(v.get("category")), "OTHER"), orElse(text(v.get("issueType")), "OTHER"),
        received, instant(v.get(status == ComplaintStatus.AWAITING_RECLASSIFICATION ? "reclassificationDeadline"
            : "slaDeadline"), null), instant(v.get("statutoryDeadline"), received), overdue,
        v.get("escalationLevel") instanceof Number level ? level.intValue() : 0,
        Boolean.TRUE.equals(v.get("statutoryDeadlinePassed")), resolvedAt,
        resolvedAt == null ? null : text(v.get("resolvedByDepartment")), resolvedAt == null ? null : !overdue,
        resolvedAt == null ? null : text(v.get("resolution")),
        resolvedAt == null ? null : instant(v.get("reopeningWindowEnd"), null), false, 0, null, null, null, null));
    for (Map<String, Object> entry : history(v.get("statusHistory"), status, received)) {
      records.append(number, entry);
    }
  }

  private static List<Map<String, Object>> history(Object serialized, ComplaintStatus status, Instant received) {
    if (serialized instanceof String json && !json.isBlank()) {
      try {
        return JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {
        });
      } catch (Exception unreadable) {
        // a history the earlier release could not read either: the complaint starts one here
      }
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("event", "REGISTERED");
    entry.put("status", status.name());
    entry.put("at", received.toString());
    return List.of(entry);
  }

  private static ComplaintStatus status(Object value) {
    try {
      return ComplaintStatus.valueOf(String.valueOf(value));
    } catch (IllegalArgumentException unknown) {
      return ComplaintStatus.REGISTERED;
    }
  }

  private static Instant instant(Object value, Instant otherwise) {
    return value instanceof Date date ? date.toInstant() : otherwise;
  }

  private static String text(Object value) {
    return value instanceof String text && !text.isBlank() ? text : null;
  }

  private static String orElse(String value, String otherwise) {
    return value == null ? otherwise : value;
  }
}
