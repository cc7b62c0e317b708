package ua.dnipro.contactcenter.forwarding;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.FORWARD_TO;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.FORWARD_TO_OTHER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * The dispatchers forwarded the complaint to a body outside the city's competence: it is closed
 * as FORWARDED with that body's name, the citizen is told which body has it now, and no department
 * answers for it (neither resolved nor overdue in the statistics).
 */
@Component("recordForwarding")
public class RecordForwarding implements JavaDelegate {

  static final String OTHER = "OTHER";

  private final ContactCenterProperties properties;
  private final StatusHistory history;

  public RecordForwarding(ContactCenterProperties properties, StatusHistory history) {
    this.properties = properties;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = (String) execution.getVariable(FORWARD_TO);
    String body = OTHER.equals(code) ? ((String) execution.getVariable(FORWARD_TO_OTHER)).trim()
        : properties.authority(code).map(ContactCenterProperties.Authority::name)
            .orElseThrow(() -> new IllegalStateException("no authority " + code + " is configured"));
    // the history (anybody's to read) names a configured body's code only: a name written by hand is
    // a free text, shown to the filing channel and forgotten with the personal data
    history.record(execution, ComplaintEvent.FORWARDED, state -> state.forwarded(body, EngineClock.now()),
        StatusHistory.details("authority", code));
  }
}
