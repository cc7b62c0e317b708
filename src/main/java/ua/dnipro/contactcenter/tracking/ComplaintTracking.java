package ua.dnipro.contactcenter.tracking;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.springframework.stereotype.Service;
import ua.dnipro.contactcenter.api.ApiException;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.intake.IntakeRecords;
import ua.dnipro.contactcenter.intake.IntakeRecords.IntakeRecord;

/** What a channel may learn about a complaint, and the citizen's re-opening of it. */
@Service
public class ComplaintTracking {

  private final IntakeRecords records;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final ContactCenterProperties properties;

  public ComplaintTracking(IntakeRecords records, HistoryService historyService, RuntimeService runtimeService,
      ContactCenterProperties properties) {
    this.records = records;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.properties = properties;
  }

  /** The complaint as {@code channel} may see it: with personal data only if that channel filed it. */
  public ComplaintView view(String number, String channel) {
    IntakeRecord record = record(number);
    Map<String, Object> variables = variablesOf(record.processInstanceId());
    boolean filedByCaller = record.channel().equals(channel);
    String status = (String) variables.get(STATUS);
    String department = (String) variables.get(DEPARTMENT);
    boolean withDepartment = ComplaintStatus.IN_PROGRESS.name().equals(status);
    boolean resolved = ComplaintStatus.RESOLVED.name().equals(status);
    return new ComplaintView(
        record.number(),
        status,
        named((String) variables.get(CATEGORY), (String) variables.get(CATEGORY_NAME)),
        named((String) variables.get(ISSUE_TYPE), (String) variables.get(ISSUE_TYPE_NAME)),
        named(department, properties.holderName(department)),
        (String) variables.get(SLA_TIER),
        record.receivedAt(),
        withDepartment ? instant(variables.get(SLA_DEADLINE)) : null,
        instant(variables.get(STATUTORY_DEADLINE)),
        Boolean.TRUE.equals(variables.get(OVERDUE)),
        resolved ? (String) variables.get(RESOLUTION) : null,
        resolved ? instant(variables.get(RESOLVED_AT)) : null,
        resolved ? instant(variables.get(REOPENING_WINDOW_END)) : null,
        StatusHistory.parse((String) variables.get(STATUS_HISTORY)),
        filedByCaller ? new ComplaintView.Applicant((String) variables.get(APPLICANT_FIRST_NAME),
            (String) variables.get(APPLICANT_LAST_NAME), (String) variables.get(APPLICANT_PATRONYMIC),
            (String) variables.get(APPLICANT_PHONE), (String) variables.get(APPLICANT_EMAIL),
            (String) variables.get(APPLICANT_ADDRESS)) : null,
        filedByCaller ? (String) variables.get(DESCRIPTION) : null,
        filedByCaller ? new ComplaintView.Location((String) variables.get(LOCATION_ADDRESS),
            (String) variables.get(DISTRICT), (Double) variables.get(LATITUDE), (Double) variables.get(LONGITUDE)) : null);
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

  /** The latest value of every variable, for running and finished complaints alike. */
  private Map<String, Object> variablesOf(String processInstanceId) {
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list()) {
      // only the process's own scope: no task-local or sub-process copies
      if (variable.getActivityInstanceId() != null && !variable.getActivityInstanceId().equals(processInstanceId)) {
        continue;
      }
      Object value = variable.getTypedValue() instanceof SerializableValue serializable
          ? serializable.getValueSerialized() : variable.getValue();
      variables.put(variable.getName(), value);
    }
    return variables;
  }

  private static ComplaintView.Named named(String code, String name) {
    return code == null ? null : new ComplaintView.Named(code, name);
  }

  private static java.time.Instant instant(Object date) {
    return date instanceof Date value ? value.toInstant() : null;
  }
}
