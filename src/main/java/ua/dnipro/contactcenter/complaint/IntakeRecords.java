package ua.dnipro.contactcenter.complaint;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The record of each accepted complaint (table cc_complaint). */
@Repository
public class IntakeRecords {

  /** What was recorded when a complaint was accepted. */
  public record IntakeRecord(String number, String channel, Instant receivedAt, String processInstanceId,
      String idempotencyKey, String requestHash, String district) {
  }

  private static final RowMapper<IntakeRecord> ROW = (rs, i) -> new IntakeRecord(
      rs.getString("complaint_number"), rs.getString("channel"), rs.getTimestamp("received_at").toInstant(),
      rs.getString("process_instance_id"), rs.getString("idempotency_key"), rs.getString("request_hash"),
      rs.getString("district"));

  private final JdbcTemplate jdbc;
  /** What this transaction recorded: the answer to a filing reads it back. */
  private final WrittenInThisTransaction<String, IntakeRecord> inserted = new WrittenInThisTransaction<>();

  public IntakeRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(IntakeRecord record, Instant keyExpiresAt) {
    jdbc.update("""
        INSERT INTO cc_complaint (complaint_number, channel, received_at, process_instance_id, idempotency_key,
                                  request_hash, key_expires_at, district)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        record.number(), record.channel(), Timestamp.from(record.receivedAt()), record.processInstanceId(),
        record.idempotencyKey(), record.requestHash(), record.idempotencyKey() == null ? null : Timestamp.from(keyExpiresAt),
        record.district());
    inserted.remember(record.number(), record);
  }

  public Optional<IntakeRecord> byNumber(String number) {
    return inserted.recall(number).or(() -> jdbc.query("SELECT * FROM cc_complaint WHERE complaint_number = ?", ROW,
        number).stream().findFirst());
  }

  public Optional<IntakeRecord> byKey(String channel, String idempotencyKey) {
    return jdbc.query("SELECT * FROM cc_complaint WHERE channel = ? AND idempotency_key = ?", ROW, channel, idempotencyKey)
        .stream().findFirst();
  }

  /** Forgets the idempotency keys kept long enough; the records themselves stay. */
  public int forgetKeysExpiredBy(Instant now) {
    return jdbc.update("UPDATE cc_complaint SET idempotency_key = NULL, key_expires_at = NULL WHERE key_expires_at < ?",
        Timestamp.from(now));
  }
}
