package ua.dnipro.contactcenter.emergency;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.CATEGORY_NAME;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.DEPARTMENT;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.ISSUE_TYPE_NAME;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.SLA_DEADLINE;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.complaint.ComplaintScope;
import ua.dnipro.contactcenter.complaint.ShippedProcesses;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.emergency.EmergencyAlert.Payload;

/**
 * Puts an emergency alert on the external-task topic {@code emergency-alert}, in the transaction of
 * the complaint's step, for SMS or pager adapters (accounts of the group emergency-alert-adapters,
 * which hold their grant on the EmergencyAlert definition). An instance of its own, as citizens'
 * notifications have: the adapter works that instance and never sees the complaint's.
 */
@Component
public class DutyStaffPager {

  private final ContactCenterProperties properties;
  private final ShippedProcesses processes;
  private final ComplaintRecords records;

  public DutyStaffPager(ContactCenterProperties properties, ShippedProcesses processes, ComplaintRecords records) {
    this.properties = properties;
    this.processes = processes;
    this.records = records;
  }

  void page(DelegateExecution watch, ComplaintEvent event, Instant takeBy) {
    if (!properties.emergency().pagerAlerts()) {
      return;
    }
    DelegateExecution complaint = ComplaintScope.of(watch);
    String department = (String) complaint.getVariable(DEPARTMENT);
    var services = complaint.getProcessEngineServices();
    services.getRuntimeService()
        .createProcessInstanceById(processes.definitionId(services.getRepositoryService(), EmergencyAlert.KEY))
        .businessKey(complaint.getProcessBusinessKey())
        .setVariables(Variables.createVariables()
            .putValue(Payload.COMPLAINT_NUMBER, complaint.getProcessBusinessKey())
            .putValue(Payload.EVENT, event.name())
            .putValue(Payload.MESSAGE, message(complaint, event, department, takeBy))
            .putValue(Payload.TAKE_BY, Date.from(takeBy))
            .putValue(Payload.RECIPIENT_GROUPS, String.join(",", EmergencyWatch.watchers(department))))
        .execute();
  }

  /** What the SMS says: the complaint, what and where, who, by when; never the applicant or the address. */
  private String message(DelegateExecution complaint, ComplaintEvent event, String department, Instant takeBy) {
    var configured = properties.department(department);
    String district = ComplaintScope.districtOf(complaint, complaint.getProcessBusinessKey(), records)
        .map(properties::districtName).orElse(null);
    Object due = complaint.getVariable(SLA_DEADLINE);
    DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm").withZone(properties.timeZone());
    return (event == ComplaintEvent.EMERGENCY_NOT_TAKEN ? "НЕ ВЗЯТО В РОБОТУ: аварія " : "Аварія ")
        + complaint.getProcessBusinessKey() + " · " + complaint.getVariable(CATEGORY_NAME) + ": "
        + complaint.getVariable(ISSUE_TYPE_NAME) + (district == null ? "" : " · " + district)
        + " · " + (configured == null ? department : configured.name()) + ". "
        + (event == ComplaintEvent.EMERGENCY_NOT_TAKEN ? "Строк взяти в роботу минув о " : "Взяти в роботу до ")
        + time.format(takeBy) + (due instanceof Date deadline ? ", виконати до " + time.format(deadline.toInstant()) : "")
        + ".";
  }
}
