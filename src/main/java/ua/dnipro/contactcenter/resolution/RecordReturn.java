package ua.dnipro.contactcenter.resolution;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.RETURNED_BY_DEPARTMENT;

import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.StatusHistory;

/**
 * Records that a department sent the complaint back as not its competence. The reason stays in
 * the {@code returnReason} variable for the dispatchers' form; the history keeps only who returned it.
 */
@Component("recordReturn")
public class RecordReturn implements JavaDelegate {

  private final StatusHistory history;

  public RecordReturn(StatusHistory history) {
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var state = history.record(execution, ComplaintEvent.RETURNED, UnaryOperator.identity(),
        returned -> StatusHistory.details("department", returned.department()));
    execution.setVariable(RETURNED_BY_DEPARTMENT, state.department());
  }
}
