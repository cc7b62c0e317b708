package ua.dnipro.contactcenter.tracking;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;
import ua.dnipro.contactcenter.api.ApiException;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.intake.IntakeRecords;
import ua.dnipro.contactcenter.intake.IntakeRecords.IntakeRecord;
import ua.dnipro.contactcenter.routing.ClassifierCatalogue;

/**
 * What a channel may learn about a complaint, and the citizen's re-opening of it. Status, holder,
 * deadlines, the overdue flag, the resolution and the history are the application's own records of
 * the complaint; the applicant and the place as the channel filed them. Names are the catalogue's.
 */
@Service
public class ComplaintTracking {

  /** What the filing channel sent, among the process's variables. */
  static final List<String> FILED = List.of(APPLICANT_FIRST_NAME, APPLICANT_LAST_NAME, APPLICANT_PATRONYMIC,
      APPLICANT_PHONE, APPLICANT_EMAIL, APPLICANT_ADDRESS, DESCRIPTION, LOCATION_ADDRESS, DISTRICT, LATITUDE, LONGITUDE);

  private final IntakeRecords records;
  private final ComplaintRecords complaints;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final ContactCenterProperties properties;
  private final ClassifierCatalogue classifier;

  public ComplaintTracking(IntakeRecords records, ComplaintRecords complaints, HistoryService historyService,
      RuntimeService runtimeService, ContactCenterProperties properties, ClassifierCatalogue classifier) {
    this.records = records;
    this.complaints = complaints;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.properties = properties;
    this.classifier = classifier;
  }

  /**
   * The complaint as {@code channel} may see it: the applicant, the description, the exact place
   * and the resolution (which may name people and places) only if that channel filed it.
   */
  public ComplaintView view(String number, String channel) {
    IntakeRecord record = record(number);
    ComplaintState state = complaints.find(number).orElseThrow(() -> ApiException.notFound("no complaint " + number));
    boolean filedByCaller = record.channel().equals(channel);
    boolean withDepartment = state.status() == ComplaintStatus.IN_PROGRESS;
    boolean resolved = state.status() == ComplaintStatus.RESOLVED;
    Map<String, Object> filed = filedByCaller ? filedData(record.processInstanceId()) : Map.of();
    var category = classifier.current().category(state.category());
    return new ComplaintView(
        number,
        state.status().name(),
        new ComplaintView.Named(state.category(), category.map(ClassifierCatalogue.Category::nameUk).orElse(null)),
        new ComplaintView.Named(state.issueType(), category.flatMap(c -> c.issueType(state.issueType()))
            .map(ClassifierCatalogue.IssueType::nameUk).orElse(null)),
        state.department() == null ? null : new ComplaintView.Named(state.department(), properties.holderName(state.department())),
        state.slaTier(),
        state.receivedAt(),
        withDepartment ? state.dueAt() : null,
        state.statutoryDeadline(),
        state.overdue(),
        resolved && filedByCaller ? state.resolution() : null,
        resolved ? state.resolvedAt() : null,
        resolved ? state.reopenableUntil() : null,
        complaints.history(number),
        filedByCaller ? new ComplaintView.Applicant(text(filed, APPLICANT_FIRST_NAME), text(filed, APPLICANT_LAST_NAME),
            text(filed, APPLICANT_PATRONYMIC), text(filed, APPLICANT_PHONE), text(filed, APPLICANT_EMAIL),
            text(filed, APPLICANT_ADDRESS)) : null,
        filedByCaller ? text(filed, DESCRIPTION) : null,
        filedByCaller ? new ComplaintView.Location(text(filed, LOCATION_ADDRESS), text(filed, DISTRICT),
            number(filed, LATITUDE), number(filed, LONGITUDE)) : null);
  }

  /** The citizen is not satisfied: the complaint is handled again. Only the channel that filed it may ask. */
  public void reopen(String number, String channel, String reason) {
    IntakeRecord record = record(number);
    if (!record.channel().equals(channel)) {
      throw ApiException.forbidden("complaint " + number + " was filed through another channel; only that channel may re-open it");
    }
    boolean awaiting = runtimeService.createEventSubscriptionQuery().processInstanceId(record.processInstanceId())
        .eventType("message").eventName(ComplaintProcess.MESSAGE_COMPLAINT_REOPENED).count() > 0;
    if (!awaiting) {
      throw ApiException.conflict("not-reopenable", "The complaint cannot be re-opened",
          "only a resolved complaint can be re-opened, within " + properties.reopeningPeriod() + " of its resolution");
    }
    runtimeService.createMessageCorrelation(ComplaintProcess.MESSAGE_COMPLAINT_REOPENED)
        .processInstanceId(record.processInstanceId())
        .setVariable(REOPENING_REASON, reason)
        .correlate();
  }

  private IntakeRecord record(String number) {
    return records.byNumber(number).orElseThrow(() -> ApiException.notFound("no complaint " + number));
  }

  /** The filed data's latest values, for running and finished complaints alike. */
  private Map<String, Object> filedData(String processInstanceId) {
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableNameIn(FILED.toArray(String[]::new))
        .disableCustomObjectDeserialization().list()) {
      // only the process's own scope: no task-local or sub-process copies
      if (variable.getActivityInstanceId() == null || variable.getActivityInstanceId().equals(processInstanceId)) {
        variables.put(variable.getName(), variable.getValue());
      }
    }
    return variables;
  }

  /** A value as text, or nothing if it is not text (a variable of the wrong type is not shown, not a failure). */
  private static String text(Map<String, Object> values, String name) {
    return values.get(name) instanceof String text ? text : null;
  }

  private static Double number(Map<String, Object> values, String name) {
    return values.get(name) instanceof Number value ? value.doubleValue() : null;
  }

}
