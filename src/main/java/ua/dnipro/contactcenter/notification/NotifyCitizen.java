package ua.dnipro.contactcenter.notification;

import ua.dnipro.contactcenter.complaint.CitizenNotification;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.channel.Channels;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.ShippedProcesses;
import ua.dnipro.contactcenter.complaint.StatusChangeListener;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.organisation.Provisioning;
import ua.dnipro.contactcenter.complaint.CitizenNotification.Payload;
import ua.dnipro.contactcenter.personaldata.PersonalDataField;
import ua.dnipro.contactcenter.personaldata.PersonalDataReference;

/**
 * Tells the citizen, through the channel the complaint came from, that it was registered, became
 * overdue, was returned for re-routing, resolved or re-opened, that its deadline was extended (with
 * the new date), that it was forwarded to another body (which one), that a repeated appeal is
 * considered or left unconsidered (with the reason), that it was merged into the complaint that
 * already reports the same defect (which one), or that the controllers closed a re-opening
 * beyond the rework limit: starts a CitizenNotification
 * instance on the channel's topic, in the transaction of the change, and lets only that channel's
 * account see and work it.
 */
@Component
public class NotifyCitizen implements StatusChangeListener {

  static final Set<ComplaintEvent> TOLD_TO_CITIZEN = Set.of(ComplaintEvent.REGISTERED, ComplaintEvent.OVERDUE,
      ComplaintEvent.RETURNED, ComplaintEvent.RESOLVED, ComplaintEvent.REOPENED, ComplaintEvent.REOPENING_REFUSED,
      ComplaintEvent.EXTENSION_APPROVED, ComplaintEvent.FORWARDED, ComplaintEvent.REPEATED_APPEAL_CONSIDERED,
      ComplaintEvent.LEFT_UNCONSIDERED, ComplaintEvent.MERGED);

  private final Channels channels;
  private final ContactCenterProperties properties;
  private final ShippedProcesses processes;

  public NotifyCitizen(Channels channels, ContactCenterProperties properties, ShippedProcesses processes) {
    this.channels = channels;
    this.properties = properties;
    this.processes = processes;
  }

  @Override
  public void statusChanged(DelegateExecution complaint, ComplaintEvent event, ComplaintState state) {
    if (!TOLD_TO_CITIZEN.contains(event)) {
      return;
    }
    String channel = state.channel();
    if (channels.ofCode(channel).isEmpty()) {
      return; // started by hand in Cockpit or over /engine-rest: nobody to tell
    }
    ProcessInstance notification = complaint.getProcessEngineServices().getRuntimeService()
        .createProcessInstanceById(processes.definitionId(complaint.getProcessEngineServices().getRepositoryService(),
            CitizenNotification.KEY))
        .businessKey(complaint.getProcessBusinessKey())
        .setVariables(notificationOf(complaint, event, state))
        .execute();
    channels.ofCode(channel).ifPresent(configured ->
        // just what the external-task API asks of the adapter, on this one instance: to see it
        // (fetchAndLock) and to work it (lock, complete, handleFailure); revoked when it is delivered
        Provisioning.grantNew(complaint.getProcessEngineServices().getAuthorizationService(),
            Provisioning.Grantee.user(configured.account()), Resources.PROCESS_INSTANCE,
            notification.getId(), Permissions.READ, Permissions.UPDATE));
  }

  private VariableMap notificationOf(DelegateExecution complaint, ComplaintEvent event, ComplaintState state) {
    var configuredDepartment = state.department() == null ? null : properties.department(state.department());
    VariableMap variables = org.camunda.bpm.engine.variable.Variables.createVariables()
        // transient: it names the external task's topic as the task is created, and is kept there
        .putValueTyped(Payload.NOTIFICATION_TOPIC,
            org.camunda.bpm.engine.variable.Variables.stringValue(Channels.notificationTopic(state.channel()), true))
        .putValue(Payload.COMPLAINT_NUMBER, state.number())
        .putValue(Payload.CHANNEL, state.channel())
        .putValue(Payload.EVENT, event.name())
        .putValue(Payload.STATUS, state.status().name())
        .putValue(Payload.OCCURRED_AT, Date.from(EngineClock.now()))
        // a reference: the channel's adapter reads the phone when it fetches the notification (logged),
        // the engine never stores it, and an anonymised complaint has none
        .putValue(Payload.RECIPIENT_PHONE, new PersonalDataReference(state.number(), PersonalDataField.APPLICANT_PHONE));
    if (state.status() == ComplaintStatus.IN_PROGRESS && configuredDepartment != null) {
      variables.putValue(Payload.DEPARTMENT, state.department())
          .putValue(Payload.DEPARTMENT_NAME, configuredDepartment.name())
          .putValue(Payload.DUE_AT, Date.from(state.dueAt()));
    }
    if (event == ComplaintEvent.MERGED) {
      // the problem is known: the complaint that reports it, whose resolution this one will share
      variables.putValue(Payload.MERGED_INTO, complaint.getVariable(ComplaintProcess.Variables.DUPLICATE_OF));
    }
    if (event == ComplaintEvent.FORWARDED) {
      variables.putValue(Payload.FORWARDED_TO, state.forwardedTo());
    }
    if (event == ComplaintEvent.RESOLVED || event == ComplaintEvent.LEFT_UNCONSIDERED) {
      variables.putValue(Payload.RESOLUTION, state.resolution());
    }
    return variables;
  }
}
