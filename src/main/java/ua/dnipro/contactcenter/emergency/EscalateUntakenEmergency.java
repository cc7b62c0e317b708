package ua.dnipro.contactcenter.emergency;

import ua.dnipro.contactcenter.operations.OperationsMetrics;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables;
import ua.dnipro.contactcenter.complaint.ComplaintScope;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.complaint.TransientVariables;

/**
 * The time to take an emergency is up. Taken means an executor holds the department's task now (one
 * who took it and gave it back has not taken it), or the department has already acted on it (the
 * task is gone: more time was asked for, or it is decided and this branch about to end). If not
 * taken: recorded in the complaint's history, the duty staff paged again, and the duty dispatchers
 * and the heads given a task to get it taken. Sets the transient {@code emergencyTaken} for the
 * model's gateway.
 */
@Component("escalateUntakenEmergency")
public class EscalateUntakenEmergency implements JavaDelegate {

  private final StatusHistory history;
  private final DutyStaffPager pager;
  private final OperationsMetrics metrics;

  public EscalateUntakenEmergency(StatusHistory history, DutyStaffPager pager, OperationsMetrics metrics) {
    this.history = history;
    this.pager = pager;
    this.metrics = metrics;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // in the department's process, called by this complaint's (they share its number as business key)
    Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceBusinessKey(execution.getProcessBusinessKey())
        .taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).singleResult();
    boolean taken = task == null || task.getAssignee() != null;
    if (!taken) {
      Date takeBy = (Date) execution.getVariable(Variables.EMERGENCY_TAKE_BY);
      history.record(execution, ComplaintEvent.EMERGENCY_NOT_TAKEN, UnaryOperator.identity(),
          StatusHistory.details("department", ComplaintScope.of(execution).getVariable(Variables.DEPARTMENT),
              "takeBy", takeBy.toInstant()));
      pager.page(execution, ComplaintEvent.EMERGENCY_NOT_TAKEN, takeBy.toInstant());
      metrics.escalated((String) ComplaintScope.of(execution).getVariable(Variables.DEPARTMENT),
          OperationsMetrics.Escalation.EMERGENCY_NOT_TAKEN);
    }
    TransientVariables.set(execution, Variables.EMERGENCY_TAKEN,
        org.camunda.bpm.engine.variable.Variables.booleanValue(taken, true));
  }
}
