package ua.dnipro.contactcenter.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * However a complaint ends, its personal data is forgotten the retention period after it closed:
 * the re-opening window over, confirmed by the citizen, a re-opening refused by the controllers,
 * forwarded to another body, or a repeated appeal left unconsidered. An open complaint keeps it,
 * and so does one closed too recently; the texts the application kept besides go with it.
 */
class EveryEndingIsForgottenOnTimeTests extends PostgresApplicationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired PersonalDataRetention retention;

  @Test
  void everyKindOfClosedComplaintIsAnonymisedAndNothingElse() {
    Instant now = Instant.parse("2031-06-01T00:00:00Z");
    Instant longAgo = now.minus(Duration.ofDays(6 * 365));
    Instant lately = now.minus(Duration.ofDays(30));
    jdbc.update("DELETE FROM cc_personal_data WHERE complaint_number LIKE 'PD-%'");
    jdbc.update("DELETE FROM cc_complaint_state WHERE complaint_number LIKE 'PD-%'");
    jdbc.update("DELETE FROM cc_photo WHERE complaint_number LIKE 'PD-%'");
    complaint("PD-WINDOW", "RESOLVED", longAgo, "Лампу замінено", null);
    complaint("PD-CONFIRMED", "RESOLVED", longAgo, "Лампу замінено", null);
    complaint("PD-REFUSED", "RESOLVED", longAgo, "Лампу замінено", null);
    complaint("PD-FORWARDED", "FORWARDED", longAgo, null, "Приватна фірма пана Петренка, тел. 067 000 11 22");
    complaint("PD-LEFT", "LEFT_UNCONSIDERED", longAgo, "Вирішено раніше: дзвонили пані Олені", null);
    complaint("PD-RECENT", "FORWARDED", lately, null, "Служба пана Іванова");
    complaint("PD-OPEN", "IN_PROGRESS", null, null, null);

    retention.forgetDue(now);

    assertThat(anonymised()).containsExactlyInAnyOrder("PD-WINDOW", "PD-CONFIRMED", "PD-REFUSED", "PD-FORWARDED",
        "PD-LEFT");
    assertThat(jdbc.queryForList("""
        SELECT complaint_number FROM cc_complaint_state WHERE complaint_number LIKE 'PD-%'
        AND (resolution IS NOT NULL OR forwarded_to IS NOT NULL)""", String.class))
        .as("the answers and bodies written by hand go with it").containsExactly("PD-RECENT");
    assertThat(jdbc.queryForList("SELECT DISTINCT complaint_number FROM cc_photo WHERE complaint_number LIKE 'PD-%'",
        String.class)).as("the photos, the citizen's and the finished work's, too")
        .containsExactlyInAnyOrder("PD-RECENT", "PD-OPEN");
  }

  void complaint(String number, String status, Instant closed, String resolution, String forwardedTo) {
    jdbc.update("""
        INSERT INTO cc_complaint_state (complaint_number, channel, status, category, issue_type, received_at,
            statutory_deadline, reopenable_until, resolution, forwarded_to)
        VALUES (?, 'HOTLINE', ?, 'LIGHTING', 'LAMP_OUT', ?, ?, ?, ?, ?)""", number, status,
        Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")), Timestamp.from(Instant.parse("2020-02-01T00:00:00Z")),
        closed == null ? null : Timestamp.from(closed), resolution, forwardedTo);
    jdbc.update("""
        INSERT INTO cc_personal_data (complaint_number, first_name, last_name, phone, applicant_address, description,
            location_address)
        VALUES (?, 'Олена', 'Коваленко', '+380671234567', 'вул. Січеславська Набережна, 5', 'Не світить', 'вул. Тиха, 1')""",
        number);
    for (String kind : List.of("CITIZEN", "WORK")) {
      jdbc.update("""
          INSERT INTO cc_photo (id, complaint_number, kind, media_type, size_bytes, uploaded_at, uploaded_by, original,
                                shared)
          VALUES (?, ?, ?, 'image/jpeg', 4, ?, 'hotline', ?, ?)""", number + "-" + kind, number, kind,
          Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")), new byte[] {1, 2, 3, 4}, new byte[] {1, 2, 3, 4});
    }
  }

  List<String> anonymised() {
    return jdbc.queryForList("""
        SELECT complaint_number FROM cc_personal_data WHERE complaint_number LIKE 'PD-%' AND anonymised_at IS NOT NULL
        AND phone IS NULL AND first_name IS NULL AND description IS NULL""", String.class);
  }
}
