package ua.dnipro.contactcenter.escalation;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.STATUTORY_LIMIT;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.operations.OperationsMetrics;
import ua.dnipro.contactcenter.complaint.StatutoryTerms;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * The statutory term (fifteen days or a month from receipt, or as extended) passed and the
 * complaint is still undecided, whatever the SLA tier or re-routing: the controllers must
 * intervene. From now on the escalation also waits for the forty-five days no extension may pass.
 */
@Component("markStatutoryDeadlinePassed")
public class MarkStatutoryDeadlinePassed implements JavaDelegate {

  private final StatusHistory history;
  private final StatutoryTerms statutoryTerms;
  private final OperationsMetrics metrics;

  public MarkStatutoryDeadlinePassed(ContactCenterProperties properties, StatusHistory history,
      OperationsMetrics metrics) {
    this.history = history;
    this.metrics = metrics;
    this.statutoryTerms = new StatutoryTerms(properties.timeZone());
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintState state = history.current(execution);
    // once per complaint: a repeated appeal the heads decided on after the term has it recorded already
    // when its handling starts (and the controllers are given it there all the same)
    if (!state.statutoryDeadlinePassed()) {
      state = history.record(execution, ComplaintEvent.STATUTORY_DEADLINE_PASSED,
          ComplaintState::pastStatutoryDeadline, passed -> StatusHistory.details("department", passed.department()));
      metrics.escalated(state.department(), OperationsMetrics.Escalation.STATUTORY_DEADLINE_PASSED);
    }
    execution.setVariableLocal(STATUTORY_LIMIT, Date.from(statutoryTerms.limit(state.receivedAt())));
  }
}
