package ua.dnipro.contactcenter.intake;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.config.CalendarDuration;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.personaldata.PersonalDataVault;

/**
 * A repeated appeal (Law "On Citizens' Appeals", art. 8): from the same applicant (the same phone),
 * on the same category and issue type, at the same location address, within
 * {@code contact-center.repeated-appeal-period} after an earlier complaint was resolved. The
 * department's head decides whether it is considered again.
 */
@Component
public class RepeatedAppeals {

  private final PersonalDataVault personalData;
  private final ComplaintRecords complaints;
  private final ContactCenterProperties properties;
  private final CalendarDuration period;

  public RepeatedAppeals(PersonalDataVault personalData, ComplaintRecords complaints, ContactCenterProperties properties) {
    this.personalData = personalData;
    this.complaints = complaints;
    this.properties = properties;
    this.period = properties.repeatedAppealPeriod();
  }

  /** The earlier complaint, resolved most recently, that the one just filed repeats; none if it repeats none. */
  public Optional<ComplaintState> earlierOf(String number, String category, String issueType, Instant receivedAt) {
    Instant since = period.subtractFrom(receivedAt, properties.timeZone());
    return personalData.earlierAtTheSamePlace(number).stream()
        .map(complaints::find).flatMap(Optional::stream)
        .filter(earlier -> earlier.category().equals(category) && earlier.issueType().equals(issueType))
        .filter(earlier -> earlier.status() == ComplaintStatus.RESOLVED && earlier.resolvedAt() != null
            && earlier.resolvedBy() != null && !earlier.resolvedAt().isBefore(since)
            && !earlier.resolvedAt().isAfter(receivedAt))
        .max(Comparator.comparing(ComplaintState::resolvedAt));
  }
}
