package ua.dnipro.contactcenter.intake;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.CalendarDuration;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * First step of every complaint: refuses unsigned appeals, fixes the received time and the
 * statutory deadline (one month by the Law "On Citizens' Appeals"), and records REGISTERED.
 */
@Component("registerComplaint")
public class RegisterComplaint implements JavaDelegate {

  /** The applicant fields without which an appeal is not processed (Law "On Citizens' Appeals", art. 5). */
  static final List<String> REQUIRED_APPLICANT_FIELDS =
      List.of(APPLICANT_FIRST_NAME, APPLICANT_LAST_NAME, APPLICANT_PHONE, APPLICANT_ADDRESS);

  private final ContactCenterProperties properties;
  private final CalendarDuration statutoryPeriod;
  private final StatusHistory history;

  public RegisterComplaint(ContactCenterProperties properties, StatusHistory history) {
    this.properties = properties;
    this.statutoryPeriod = CalendarDuration.parse(properties.statutoryPeriod());
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    refuseUnsignedAppeal(execution);
    String number = execution.getProcessBusinessKey();
    if (number == null || number.isBlank()) {
      throw new IllegalArgumentException("a complaint is started with its number as business key");
    }
    Date received = (Date) execution.getVariable(RECEIVED_AT);
    Instant receivedAt = received == null ? EngineClock.now() : received.toInstant();

    Instant statutoryDeadline = statutoryPeriod.addTo(receivedAt, properties.timeZone());
    String channel = (String) execution.getVariable(CHANNEL);

    execution.setVariable(COMPLAINT_NUMBER, number);
    execution.setVariable(RECEIVED_AT, Date.from(receivedAt));
    execution.setVariable(RECEIVED_MONTH, receivedAt.atZone(properties.timeZone()).getMonthValue());
    execution.setVariable(STATUTORY_DEADLINE, Date.from(statutoryDeadline));
    execution.setVariable(ROUTING_COUNT, 0);
    history.open(execution, ComplaintState.registered(number, channel, (String) execution.getVariable(CATEGORY),
        (String) execution.getVariable(ISSUE_TYPE), receivedAt, statutoryDeadline), StatusHistory.details("channel", channel));
  }

  private static void refuseUnsignedAppeal(DelegateExecution execution) {
    List<String> missing = new ArrayList<>();
    for (String field : REQUIRED_APPLICANT_FIELDS) {
      Object value = execution.getVariable(field);
      if (value == null || value.toString().isBlank()) {
        missing.add(field);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "an appeal without its applicant is not processed (Law \"On Citizens' Appeals\"); missing: " + missing);
    }
  }
}
