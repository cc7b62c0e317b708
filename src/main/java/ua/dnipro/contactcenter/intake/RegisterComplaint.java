package ua.dnipro.contactcenter.intake;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.StatutoryTerms;
import ua.dnipro.contactcenter.complaint.TransientVariables;
import ua.dnipro.contactcenter.duplicates.LikelyDuplicates;
import ua.dnipro.contactcenter.organisation.CityGroups;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.personaldata.PersonalData;
import ua.dnipro.contactcenter.personaldata.PersonalDataVault;

/**
 * First step of every complaint: refuses unsigned appeals, fixes the received time and the
 * statutory term (a month by the Law "On Citizens' Appeals", art. 20, until the classification
 * says the complaint needs no additional study: then fifteen days) and records REGISTERED; marks a
 * repeated appeal (see {@link RepeatedAppeals}) for the head's decision. The
 * applicant's personal data stays in the vault: each task that shows it gets references to it
 * (PresentComplaintInInbox).
 */
@Component("registerComplaint")
public class RegisterComplaint implements JavaDelegate {

  private final ContactCenterProperties properties;
  private final StatutoryTerms statutoryTerms;
  private final StatusHistory history;
  private final PersonalDataVault personalData;
  private final RepeatedAppeals repeatedAppeals;
  private final LikelyDuplicates likelyDuplicates;

  public RegisterComplaint(ContactCenterProperties properties, StatusHistory history, PersonalDataVault personalData,
      RepeatedAppeals repeatedAppeals, LikelyDuplicates likelyDuplicates) {
    this.properties = properties;
    this.statutoryTerms = new StatutoryTerms(properties.timeZone());
    this.history = history;
    this.personalData = personalData;
    this.repeatedAppeals = repeatedAppeals;
    this.likelyDuplicates = likelyDuplicates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    if (number == null || number.isBlank()) {
      throw new IllegalArgumentException("a complaint is started with its number as business key");
    }
    refuseUnsignedAppeal(number, personalData.forApplication(number).orElse(null));
    Date received = (Date) execution.getVariable(RECEIVED_AT);
    Instant receivedAt = received == null ? EngineClock.now() : received.toInstant();

    Instant statutoryDeadline = statutoryTerms.term(receivedAt, true);
    String channel = (String) execution.getVariable(CHANNEL);

    execution.setVariable(STATUTORY_DEADLINE, Date.from(statutoryDeadline));
    execution.setVariable(ROUTING_COUNT, 0);
    history.open(execution, ComplaintState.registered(number, channel, (String) execution.getVariable(CATEGORY),
        (String) execution.getVariable(ISSUE_TYPE), receivedAt, statutoryDeadline), StatusHistory.details("channel", channel));
    // open complaints nearby about the same: shown to the department, the dispatchers and the channel
    likelyDuplicates.findAndRecord(number, (String) execution.getVariable(CATEGORY),
        (String) execution.getVariable(ISSUE_TYPE), receivedAt);
    repeatedAppeals.earlierOf(number, (String) execution.getVariable(CATEGORY), (String) execution.getVariable(ISSUE_TYPE),
        receivedAt).ifPresent(earlier -> {
          // a repeated appeal: to the heads of the department that resolved the earlier one
          history.record(execution, ComplaintEvent.REPEATED_APPEAL, state -> state.repeating(earlier.number()),
              // the link is the complaint's state, shown to the filing channel only: the history is anybody's
              StatusHistory.details("department", earlier.resolvedBy()));
          execution.setVariable(REPEAT_OF, earlier.number());
          TransientVariables.set(execution, REPEAT_DECIDED_BY,
              org.camunda.bpm.engine.variable.Variables.stringValue(CityGroups.headsOf(earlier.resolvedBy()), true));
        });
  }

  /** The applicant fields without which an appeal is not processed (Law "On Citizens' Appeals", art. 5). */
  private static void refuseUnsignedAppeal(String number, PersonalData applicant) {
    List<String> missing = new ArrayList<>();
    if (applicant == null || blank(applicant.firstName())) {
      missing.add("firstName");
    }
    if (applicant == null || blank(applicant.lastName())) {
      missing.add("lastName");
    }
    if (applicant == null || blank(applicant.phone())) {
      missing.add("phone");
    }
    if (applicant == null || blank(applicant.applicantAddress())) {
      missing.add("address");
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("complaint " + number + ": an appeal without its applicant is not processed "
          + "(Law \"On Citizens' Appeals\"); missing: " + missing);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
