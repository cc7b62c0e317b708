package ua.dnipro.contactcenter.emergency;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.CATEGORY_NAME;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.DEPARTMENT;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.DISTRICT_NAME;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.ISSUE_TYPE_NAME;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.SLA_DEADLINE;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintScope;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.ShippedProcesses;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.emergency.EmergencyAlert.Payload;
import ua.dnipro.contactcenter.inbox.Groups;

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

  public DutyStaffPager(ContactCenterProperties properties, ShippedProcesses processes) {
    this.properties = properties;
    this.processes = processes;
  }

  void page(DelegateExecution watch, ComplaintEvent event, Instant takeBy) {
    if (!properties.emergency().pagerAlerts()) {
      return;
    }
    DelegateExecution complaint = ComplaintScope.of(watch);
    String department = (String) complaint.getVariable(DEPARTMENT);
    var configured = properties.department(department);
    var services = complaint.getProcessEngineServices();
    services.getRuntimeService()
        .createProcessInstanceById(processes.definitionId(services.getRepositoryService(), EmergencyAlert.KEY))
        .businessKey(complaint.getProcessBusinessKey())
        .setVariables(Variables.createVariables()
            .putValue(Payload.COMPLAINT_NUMBER, complaint.getProcessBusinessKey())
            .putValue(Payload.EVENT, event.name())
            .putValue(Payload.CATEGORY_NAME, complaint.getVariable(CATEGORY_NAME))
            .putValue(Payload.ISSUE_TYPE_NAME, complaint.getVariable(ISSUE_TYPE_NAME))
            .putValue(Payload.DEPARTMENT, department)
            .putValue(Payload.DEPARTMENT_NAME, configured == null ? department : configured.name())
            .putValue(Payload.DISTRICT_NAME, complaint.getVariable(DISTRICT_NAME))
            .putValue(Payload.TAKE_BY, Date.from(takeBy))
            .putValue(Payload.DUE_AT, complaint.getVariable(SLA_DEADLINE))
            .putValue(Payload.OCCURRED_AT, Date.from(EngineClock.now()))
            .putValue(Payload.RECIPIENT_GROUPS, Groups.DUTY_DISPATCHERS + "," + Groups.headsOf(department)))
        .execute();
  }
}
