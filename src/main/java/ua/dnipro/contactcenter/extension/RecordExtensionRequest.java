package ua.dnipro.contactcenter.extension;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.EXTENSION_UNTIL;

import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.StatusHistory;

/**
 * Records an executor's request for more time (the day asked for; the reason is a free text and
 * stays with the complaint's other free texts) as the head's decision task starts.
 */
@Component("recordExtensionRequest")
public class RecordExtensionRequest implements ExecutionListener {

  private final StatusHistory history;

  public RecordExtensionRequest(StatusHistory history) {
    this.history = history;
  }

  @Override
  public void notify(DelegateExecution execution) {
    history.record(execution, ComplaintEvent.EXTENSION_REQUESTED, UnaryOperator.identity(),
        state -> StatusHistory.details("department", state.department(), "until", execution.getVariable(EXTENSION_UNTIL)));
  }
}
