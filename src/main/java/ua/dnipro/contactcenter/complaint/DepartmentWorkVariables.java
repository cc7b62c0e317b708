package ua.dnipro.contactcenter.complaint;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * What the complaint hands to a department's process ({@link DepartmentWork}) and takes back from
 * it. In: what the department's task is scheduled by (deadline, reminder, priority, tier). Out: only
 * what the executor decided, and only what they filled in, so that no empty decision shows up in the
 * complaint's audit trail.
 */
@Component("departmentWorkVariables")
public class DepartmentWorkVariables implements DelegateVariableMapping {

  static final List<String> IN = List.of(SLA_DEADLINE, SLA_REMINDER_AT, TASK_PRIORITY, SLA_TIER);
  static final List<String> OUT = List.of(OUTCOME, RESOLUTION, RETURN_REASON);

  @Override
  public void mapInputVariables(DelegateExecution complaint, VariableMap departmentWork) {
    for (String name : IN) {
      Object value = complaint.getVariable(name);
      if (value != null) {
        departmentWork.putValue(name, value);
      }
    }
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
