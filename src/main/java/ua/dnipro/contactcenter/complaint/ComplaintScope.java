package ua.dnipro.contactcenter.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Where a task finds its complaint's variables. A task of the complaint's own process sees them
 * through its execution; a department's task runs in the department's process
 * ({@link DepartmentWork}), called by the complaint's, and reads them from the calling execution.
 */
public final class ComplaintScope {

  private ComplaintScope() {
  }

  public static VariableScope of(DelegateTask task) {
    if (task.getExecution() instanceof ExecutionEntity execution) {
      ExecutionEntity caller = execution.getProcessInstance().getSuperExecution();
      if (caller != null) {
        return caller;
      }
    }
    return task;
  }

  /**
   * The complaint's number: its process's business key, which the filing gives it (kept nowhere else
   * in the engine; complaints of earlier releases also hold it as the variable complaintNumber).
   */
  public static String numberOf(DelegateTask task) {
    if (task.getExecution() instanceof ExecutionEntity execution) {
      ExecutionEntity caller = execution.getProcessInstance().getSuperExecution();
      return (caller != null ? caller : execution).getProcessBusinessKey();
    }
    return null;
  }

  /**
   * The district the complaint is about: the variable its filing started it with (seen in the
   * filing's transaction only, it is never stored) or else the complaint's record.
   */
  public static java.util.Optional<String> districtOf(VariableScope complaint, String number, ComplaintRecords records) {
    return complaint.getVariable(ComplaintProcess.Variables.DISTRICT) instanceof String district
        ? java.util.Optional.of(district) : records.districtOf(number);
  }

  /** The complaint's execution for a step of a process the complaint's called (or its own, for its own steps). */
  public static DelegateExecution of(DelegateExecution execution) {
    if (execution instanceof ExecutionEntity entity) {
      ExecutionEntity caller = entity.getProcessInstance().getSuperExecution();
      if (caller != null) {
        return caller;
      }
    }
    return execution;
  }
}
