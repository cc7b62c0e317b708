package ua.dnipro.contactcenter.statistics;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.DISTRICT;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.LATITUDE;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.LONGITUDE;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.StatusChangeListener;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * Keeps the statistics' row of each complaint (cc_complaint_fact) up to date with its status
 * changes, in their transactions. Only codes, times and a map cell are copied: statistics never
 * hold an applicant's personal data, the description or the exact address.
 */
@Component
class StatisticsProjection implements StatusChangeListener {

  private final JdbcTemplate jdbc;
  private final KyivCalendar calendar;

  StatisticsProjection(JdbcTemplate jdbc, ContactCenterProperties properties) {
    this.jdbc = jdbc;
    this.calendar = new KyivCalendar(properties.timeZone());
  }

  @Override
  public void statusChanged(DelegateExecution complaint, ComplaintEvent event, ComplaintState state) {
    String number = state.number();
    switch (event) {
      // where the problem is, as the channel filed it (the application's own start variables)
      case REGISTERED -> registered(number, state.channel(), state.category(), state.issueType(),
          (String) complaint.getVariable(DISTRICT), state.receivedAt(),
          (Double) complaint.getVariable(LATITUDE), (Double) complaint.getVariable(LONGITUDE));
      case ROUTED -> routed(number, state.department(), state.slaTier(), state.dueAt(), state.category(),
          state.issueType());
      case AWAITING_RECLASSIFICATION -> jdbc.update(
          "UPDATE cc_complaint_fact SET department = ?, due_at = NULL WHERE complaint_number = ?",
          state.department(), number);
      case EXTENSION_APPROVED -> {
        jdbc.update("UPDATE cc_complaint_fact SET due_at = ? WHERE complaint_number = ?", Timestamp.from(state.dueAt()),
            number);
        extensionDecided(number, true);
      }
      case LEFT_UNCONSIDERED -> jdbc.update(
          "UPDATE cc_complaint_fact SET left_unconsidered = TRUE, due_at = NULL WHERE complaint_number = ?", number);
      case FORWARDED -> jdbc.update(
          "UPDATE cc_complaint_fact SET forwarded = TRUE, overdue = FALSE, due_at = NULL WHERE complaint_number = ?", number);
      case OVERDUE -> overdue(number);
      case EXTENSION_REQUESTED -> extensionRequested(number, state.department(), EngineClock.now());
      case EXTENSION_DECLINED -> extensionDecided(number, false);
      case RETURNED -> returned(number);
      case RESOLVED -> resolved(number, state.receivedAt(), state.resolvedAt(), Boolean.TRUE.equals(state.resolvedOnTime()),
          state.resolvedBy());
      case REOPENED -> reopened(number);
      // a duplicate counts as a report, not as a defect, nor for or against any department
      case MERGED -> jdbc.update("UPDATE cc_complaint_fact SET merged_into = ?, due_at = NULL WHERE complaint_number = ?",
          complaint.getVariable(ComplaintProcess.Variables.DUPLICATE_OF), number);
      case UNMERGED -> jdbc.update("UPDATE cc_complaint_fact SET merged_into = NULL WHERE complaint_number = ?", number);
      case CONFIRMED -> confirmed(number, state.rating());
      default -> {
        // escalations and re-classification change nothing the statistics count
      }
    }
  }

  void registered(String number, String channel, String category, String issueType, String district, Instant received,
      Double latitude, Double longitude) {
    LocalDate day = calendar.day(received);
    MapCell cell = latitude == null || longitude == null ? null : MapCell.of(latitude, longitude);
    jdbc.update("""
        INSERT INTO cc_complaint_fact (complaint_number, channel, category, issue_type, district, received_at,
                                       received_day, received_week, received_month, cell_lat, cell_lon)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        number, channel, category, issueType, district, Timestamp.from(received), Date.valueOf(day),
        Date.valueOf(KyivCalendar.weekOf(day)), Date.valueOf(KyivCalendar.monthOf(day)),
        cell == null ? null : cell.latitude(), cell == null ? null : cell.longitude());
  }

  void resolved(String number, Instant received, Instant resolved, boolean onTime, String department) {
    LocalDate day = calendar.day(resolved);
    jdbc.update("""
        UPDATE cc_complaint_fact SET resolved_at = ?, resolved_day = ?, resolved_week = ?, resolved_month = ?,
               resolution_minutes = ?, resolved_on_time = ?, department = ?
        WHERE complaint_number = ?""",
        Timestamp.from(resolved), Date.valueOf(day), Date.valueOf(KyivCalendar.weekOf(day)),
        Date.valueOf(KyivCalendar.monthOf(day)), Duration.between(received, resolved).toMinutes(), onTime, department,
        number);
  }

  void routed(String number, String department, String tier, Instant dueAt, String category, String issueType) {
    jdbc.update("""
        UPDATE cc_complaint_fact SET department = ?, sla_tier = ?, due_at = ?, category = ?, issue_type = ?
        WHERE complaint_number = ?""", department, tier, Timestamp.from(dueAt), category, issueType, number);
  }

  /**
   * Re-opened: open again, and one more rework for the department that resolves it; a duplicate
   * resolved with its defect and re-opened by its citizen is a defect of its own from then on.
   */
  void reopened(String number) {
    jdbc.update("""
        UPDATE cc_complaint_fact SET resolved_at = NULL, resolved_day = NULL, resolved_week = NULL,
               resolved_month = NULL, resolution_minutes = NULL, resolved_on_time = NULL,
               reopened_count = reopened_count + 1, merged_into = NULL
        WHERE complaint_number = ?""", number);
  }

  void confirmed(String number, Integer rating) {
    jdbc.update("UPDATE cc_complaint_fact SET rating = ? WHERE complaint_number = ?", rating, number);
  }

  /** Overdue: against the department that holds it now, whoever holds it later. */
  void overdue(String number) {
    jdbc.update("UPDATE cc_complaint_fact SET overdue = TRUE, overdue_department = department WHERE complaint_number = ?",
        number);
  }

  void extensionRequested(String number, String department, Instant at) {
    jdbc.update("""
        INSERT INTO cc_extension_fact (complaint_number, department, requested_at, requested_day) VALUES (?, ?, ?, ?)""",
        number, department, Timestamp.from(at), Date.valueOf(calendar.day(at)));
  }

  /** The head's decision on the complaint's latest request. */
  void extensionDecided(String number, boolean granted) {
    jdbc.update("""
        UPDATE cc_extension_fact SET granted = ? WHERE id = (SELECT MAX(id) FROM cc_extension_fact WHERE complaint_number = ?)""",
        granted, number);
  }

  void returned(String number) {
    jdbc.update("UPDATE cc_complaint_fact SET returned_count = returned_count + 1 WHERE complaint_number = ?", number);
  }
}
