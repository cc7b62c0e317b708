package ua.dnipro.contactcenter.intake;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.intake.IntakeRecords.IntakeRecord;

/**
 * Files a complaint: gives it its number, starts its process instance and writes the intake
 * record, in one transaction, so that a complaint either exists with a number, a running process
 * and its record, or not at all.
 */
@Service
public class ComplaintFiling {

  private final ComplaintNumbers numbers;
  private final RuntimeService runtimeService;
  private final IntakeRecords records;

  public ComplaintFiling(ComplaintNumbers numbers, RuntimeService runtimeService, IntakeRecords records) {
    this.numbers = numbers;
    this.runtimeService = runtimeService;
    this.records = records;
  }

  /** The number and process instance of a filed complaint. */
  public record FiledComplaint(String number, String processInstanceId) {
  }

  /** Files a complaint that needs no idempotency (operators' tools, tests). */
  @Transactional
  public FiledComplaint file(NewComplaint complaint) {
    return file(complaint, null, RequestFingerprint.of(complaint), null);
  }

  @Transactional
  FiledComplaint file(NewComplaint complaint, String idempotencyKey, String requestHash, Instant keyExpiresAt) {
    Instant receivedAt = complaint.receivedAt() == null ? EngineClock.now() : complaint.receivedAt();
    String number = numbers.next(receivedAt);
    ProcessInstance instance = runtimeService.createProcessInstanceByKey(ComplaintProcess.KEY)
        .businessKey(number)
        .setVariables(variablesOf(complaint, receivedAt))
        .execute();
    // last: a unique key that another request holds makes this insert wait for it, then fail,
    // and the whole filing rolls back
    records.insert(new IntakeRecord(number, complaint.channel(), receivedAt, instance.getId(), idempotencyKey,
        requestHash), keyExpiresAt);
    return new FiledComplaint(number, instance.getId());
  }

  static VariableMap variablesOf(NewComplaint complaint, Instant receivedAt) {
    NewComplaint.Applicant applicant = complaint.applicant();
    NewComplaint.Location location = complaint.location();
    VariableMap variables = Variables.createVariables()
        .putValue(CHANNEL, complaint.channel())
        .putValue(CATEGORY, complaint.category())
        .putValue(ISSUE_TYPE, complaint.issueType())
        .putValue(DESCRIPTION, complaint.description())
        .putValue(RECEIVED_AT, Date.from(receivedAt));
    if (applicant != null) {
      variables.putValue(APPLICANT_FIRST_NAME, applicant.firstName())
          .putValue(APPLICANT_LAST_NAME, applicant.lastName())
          .putValue(APPLICANT_PATRONYMIC, applicant.patronymic())
          .putValue(APPLICANT_PHONE, applicant.phone())
          .putValue(APPLICANT_EMAIL, applicant.email())
          .putValue(APPLICANT_ADDRESS, applicant.address());
    }
    if (location != null) {
      variables.putValue(LOCATION_ADDRESS, location.address())
          .putValue(DISTRICT, location.district())
          .putValue(LATITUDE, location.latitude())
          .putValue(LONGITUDE, location.longitude());
    }
    return variables;
  }
}
