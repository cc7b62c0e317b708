package ua.dnipro.contactcenter.intake;

import ua.dnipro.contactcenter.complaint.IntakeRecords;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import java.time.Instant;
import java.util.Date;
import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.ShippedProcesses;
import ua.dnipro.contactcenter.complaint.IntakeRecords.IntakeRecord;
import ua.dnipro.contactcenter.personaldata.PersonalData;
import ua.dnipro.contactcenter.personaldata.PersonalDataVault;

/**
 * Files a complaint: gives it its number, then keeps the applicant's personal data, starts its
 * process instance and writes the intake record in one transaction, so that a complaint either
 * exists with a number, its applicant, a running process and its record, or not at all (a number
 * taken by a filing that then failed is a gap; see docs/complaint-lifecycle.md).
 */
@Service
public class ComplaintFiling {

  private final ComplaintNumbers numbers;
  private final RuntimeService runtimeService;
  private final IntakeRecords records;
  private final PersonalDataVault personalData;
  private final RepositoryService repositoryService;
  private final ShippedProcesses processes;
  private final TransactionTemplate transaction;

  public ComplaintFiling(ComplaintNumbers numbers, RuntimeService runtimeService, IntakeRecords records,
      PersonalDataVault personalData, RepositoryService repositoryService, ShippedProcesses processes,
      PlatformTransactionManager transactionManager) {
    this.transaction = new TransactionTemplate(transactionManager);
    this.repositoryService = repositoryService;
    this.processes = processes;
    this.numbers = numbers;
    this.runtimeService = runtimeService;
    this.records = records;
    this.personalData = personalData;
  }

  /** The number and process instance of a filed complaint. */
  public record FiledComplaint(String number, String processInstanceId) {
  }

  /** Files a complaint that needs no idempotency (operators' tools, tests). */
  public FiledComplaint file(NewComplaint complaint) {
    return file(complaint, null, RequestFingerprint.of(complaint), null);
  }

  /**
   * As {@link #file(NewComplaint, String, String, Instant, Function)}, answering with the filed
   * complaint's number and process instance.
   */
  FiledComplaint file(NewComplaint complaint, String idempotencyKey, String requestHash, Instant keyExpiresAt) {
    return file(complaint, idempotencyKey, requestHash, keyExpiresAt, filed -> filed);
  }

  /**
   * The number first, in its own short transaction, then the filing in one transaction: a filing
   * holds one database connection at a time, so that as many filings as the pool has connections
   * can never all wait for a second one.
   *
   * <p>{@code answer} makes the answer to the channel from the filed complaint, at the end of the
   * filing's transaction: most of what it reads back this transaction wrote, and its records
   * remember that ({@code WrittenInThisTransaction}) instead of asking the database again.
   */
  <T> T file(NewComplaint complaint, String idempotencyKey, String requestHash, Instant keyExpiresAt,
      Function<FiledComplaint, T> answer) {
    // to the millisecond, as the engine keeps it: the record, the state and the process agree
    Instant receivedAt = complaint.receivedAt() == null ? EngineClock.now()
        : complaint.receivedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    String number = numbers.next(receivedAt);
    return transaction.execute(status -> answer.apply(fileNumbered(number, receivedAt, complaint, idempotencyKey,
        requestHash, keyExpiresAt)));
  }

  private FiledComplaint fileNumbered(String number, Instant receivedAt, NewComplaint complaint, String idempotencyKey,
      String requestHash, Instant keyExpiresAt) {
    personalData.keep(personalDataOf(number, complaint));
    ProcessInstance instance = runtimeService.createProcessInstanceById(
            processes.definitionId(repositoryService, ComplaintProcess.KEY))
        .businessKey(number)
        .setVariables(variablesOf(complaint, receivedAt))
        .execute();
    // last: a unique key that another request holds makes this insert wait for it, then fail,
    // and the whole filing rolls back
    records.insert(new IntakeRecord(number, complaint.channel(), receivedAt, instance.getId(), idempotencyKey,
        requestHash, complaint.location() == null ? null : complaint.location().district()), keyExpiresAt);
    return new FiledComplaint(number, instance.getId());
  }

  /**
   * What the process starts with: what it routes on, and (transient: used while the complaint is
   * registered, never stored as variables) where it came from, when, and where the problem is. The
   * applicant and their words are in the personal-data vault, not in the engine.
   */
  static VariableMap variablesOf(NewComplaint complaint, Instant receivedAt) {
    NewComplaint.Location location = complaint.location();
    VariableMap variables = Variables.createVariables()
        .putValue(CATEGORY, complaint.category())
        .putValue(ISSUE_TYPE, complaint.issueType())
        .putValueTyped(CHANNEL, Variables.stringValue(complaint.channel(), true))
        .putValueTyped(RECEIVED_AT, Variables.dateValue(Date.from(receivedAt), true));
    if (location != null) {
      variables.putValueTyped(DISTRICT, Variables.stringValue(location.district(), true))
          .putValueTyped(LATITUDE, Variables.doubleValue(location.latitude(), true))
          .putValueTyped(LONGITUDE, Variables.doubleValue(location.longitude(), true));
    }
    return variables;
  }

  static PersonalData personalDataOf(String number, NewComplaint complaint) {
    NewComplaint.Applicant applicant = complaint.applicant() == null
        ? new NewComplaint.Applicant(null, null, null, null, null, null) : complaint.applicant();
    NewComplaint.Location location = complaint.location() == null
        ? new NewComplaint.Location(null, null, null, null) : complaint.location();
    return PersonalData.filed(number, applicant.firstName(), applicant.lastName(), applicant.patronymic(),
        applicant.phone(), applicant.email(), applicant.address(), complaint.description(), location.address(),
        location.latitude(), location.longitude());
  }
}
