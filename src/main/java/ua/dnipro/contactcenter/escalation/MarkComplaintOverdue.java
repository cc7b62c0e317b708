package ua.dnipro.contactcenter.escalation;


import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.operations.OperationsMetrics;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.complaint.TransientVariables;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.organisation.CityGroups;
import ua.dnipro.contactcenter.organisation.Provisioning;

/**
 * The SLA deadline passed with the complaint still open: flag it overdue (it counts against the
 * department) before its head is given the escalation, and let the controllers see it. The
 * executor's task stays open.
 */
@Component("markComplaintOverdue")
public class MarkComplaintOverdue implements JavaDelegate {

  private final StatusHistory history;
  private final OperationsMetrics metrics;

  public MarkComplaintOverdue(StatusHistory history, OperationsMetrics metrics) {
    this.history = history;
    this.metrics = metrics;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // once per department's work: the executors' task (and its timers) start again after a head's
    // decision on more time, and a deadline that passed before is not a new escalation
    boolean already = history.current(execution).overdue();
    if (!already) {
      ComplaintState state = history.record(execution, ComplaintEvent.OVERDUE, ComplaintState::markedOverdue,
          overdue -> StatusHistory.details("department", overdue.department(), "escalationLevel", overdue.escalationLevel()));
      metrics.slaBreached(state.department(), state.slaTier());
      metrics.escalated(state.department(), OperationsMetrics.Escalation.SLA_BREACHED);
    }
    letControllersSeeTheExecutorsTask(execution);
    TransientVariables.set(execution, ComplaintProcess.Variables.ALREADY_ESCALATED,
        org.camunda.bpm.engine.variable.Variables.booleanValue(already, true));
  }

  /** Controllers watch overdue work city-wide: they may see (not work) the overdue executor's task. */
  private static void letControllersSeeTheExecutorsTask(DelegateExecution execution) {
    var services = execution.getProcessEngineServices();
    // in the department's process, called by this complaint's (they share its number as business key)
    Task task = services.getTaskService().createTaskQuery().processInstanceBusinessKey(execution.getProcessBusinessKey())
        .taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).singleResult();
    if (task == null) {
      return;
    }
    AuthorizationService authorizations = services.getAuthorizationService();
    Provisioning.Grantee controllers = Provisioning.Grantee.group(CityGroups.CONTROLLERS);
    Provisioning.grantNew(authorizations, controllers, Resources.TASK, task.getId(), Permissions.READ);
    Provisioning.grantNew(authorizations, controllers, Resources.HISTORIC_TASK, task.getId(), HistoricTaskPermissions.READ);
  }
}
