package ua.dnipro.contactcenter.personaldata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import ua.dnipro.contactcenter.complaint.WrittenInThisTransaction;

/**
 * Personal data in {@code cc_personal_data}. A filing keeps the applicant's data and then reads it
 * again in several of its steps: what this transaction inserted it reads from memory
 * ({@link WrittenInThisTransaction}).
 */
@Repository
class JdbcPersonalDataStore implements PersonalDataStore {

  private static final RowMapper<PersonalData> ROW = (rs, i) -> new PersonalData(rs.getString("complaint_number"),
      rs.getString("first_name"), rs.getString("last_name"), rs.getString("patronymic"), rs.getString("phone"),
      rs.getString("email"), rs.getString("applicant_address"), rs.getString("description"),
      rs.getString("location_address"), number(rs, "latitude"), number(rs, "longitude"), instant(rs, "anonymised_at"));

  private final JdbcTemplate jdbc;
  private final WrittenInThisTransaction<String, PersonalData> inserted = new WrittenInThisTransaction<>();

  JdbcPersonalDataStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(PersonalData d) {
    jdbc.update("""
        INSERT INTO cc_personal_data (complaint_number, first_name, last_name, patronymic, phone, email,
            applicant_address, description, location_address, latitude, longitude)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        d.complaintNumber(), d.firstName(), d.lastName(), d.patronymic(), d.phone(), d.email(), d.applicantAddress(),
        d.description(), d.locationAddress(), d.latitude(), d.longitude());
    inserted.remember(d.complaintNumber(), d);
  }

  @Override
  public List<String> withPhone(String phone, String exceptComplaintNumber) {
    return jdbc.queryForList("""
        SELECT complaint_number FROM cc_personal_data
        WHERE phone = ? AND complaint_number <> ? AND anonymised_at IS NULL""", String.class, phone, exceptComplaintNumber);
  }

  @Override
  public Optional<PersonalData> find(String complaintNumber) {
    return inserted.recall(complaintNumber).or(() -> jdbc.query(
        "SELECT * FROM cc_personal_data WHERE complaint_number = ?", ROW, complaintNumber).stream().findFirst());
  }

  @Override
  public List<PersonalData> findAll(java.util.Collection<String> complaintNumbers) {
    if (complaintNumbers.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(complaintNumbers.size(), "?"));
    return jdbc.query("SELECT * FROM cc_personal_data WHERE complaint_number IN (" + marks + ")", ROW,
        complaintNumbers.toArray());
  }

  @Override
  public List<PersonalData> placesOf(java.util.Collection<String> complaintNumbers) {
    if (complaintNumbers.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(complaintNumbers.size(), "?"));
    return jdbc.query("SELECT complaint_number, location_address, latitude, longitude FROM cc_personal_data "
        + "WHERE complaint_number IN (" + marks + ") AND anonymised_at IS NULL", (rs, i) -> new PersonalData(
            rs.getString("complaint_number"), null, null, null, null, null, null, null, rs.getString("location_address"),
            number(rs, "latitude"), number(rs, "longitude"), null), complaintNumbers.toArray());
  }

  @Override
  public List<String> closedBefore(Instant moment, int limit) {
    return jdbc.queryForList("""
        SELECT p.complaint_number FROM cc_personal_data p
        JOIN cc_complaint_state s ON s.complaint_number = p.complaint_number
        WHERE p.anonymised_at IS NULL AND s.status IN ('RESOLVED', 'FORWARDED', 'LEFT_UNCONSIDERED')
          AND s.reopenable_until < ?
        ORDER BY s.reopenable_until
        FETCH FIRST %d ROWS ONLY""".formatted(limit), String.class, Timestamp.from(moment));
  }

  @Override
  public boolean anonymise(String complaintNumber, Instant at) {
    inserted.forget(complaintNumber);
    return jdbc.update("""
        UPDATE cc_personal_data SET first_name = NULL, last_name = NULL, patronymic = NULL, phone = NULL, email = NULL,
            applicant_address = NULL, description = NULL, location_address = NULL, latitude = NULL, longitude = NULL,
            anonymised_at = ?
        WHERE complaint_number = ? AND anonymised_at IS NULL""", Timestamp.from(at), complaintNumber) == 1;
  }

  private static Double number(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
