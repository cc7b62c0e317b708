package ua.dnipro.contactcenter.complaint;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * What the complaint hands to a department's process ({@link DepartmentWork}) and takes back from
 * it. In: what the department's task is scheduled by (deadline, reminder, priority), for the moment
 * the task is created only (transient: the task keeps them itself), and the SLA tier, which the
 * emergency filter asks for. Out: only what the executor decided, and only what they filled in, so
 * that no empty decision shows up in the complaint's audit trail.
 */
@Component("departmentWorkVariables")
public class DepartmentWorkVariables implements DelegateVariableMapping {

  static final List<String> SCHEDULE = List.of(SLA_DEADLINE, SLA_REMINDER_AT, TASK_PRIORITY);
  static final List<String> OUT = List.of(OUTCOME, RESOLUTION, RETURN_REASON, EXTENSION_UNTIL, EXTENSION_REASON,
      DUPLICATE_OF);

  @Override
  public void mapInputVariables(DelegateExecution complaint, VariableMap departmentWork) {
    for (String name : SCHEDULE) {
      departmentWork.putValueTyped(name, Variables.untypedValue(complaint.getVariable(name), true));
    }
    departmentWork.putValue(SLA_TIER, complaint.getVariable(SLA_TIER));
  }

  @Override
  public void mapOutputVariables(DelegateExecution complaint, VariableScope departmentWork) {
    for (String name : OUT) {
      Object value = departmentWork.getVariable(name);
      if (value != null) {
        complaint.setVariable(name, value);
      }
    }
  }
}
