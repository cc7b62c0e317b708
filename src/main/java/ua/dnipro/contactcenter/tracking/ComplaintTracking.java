package ua.dnipro.contactcenter.tracking;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import ua.dnipro.contactcenter.api.ApiException;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.complaint.StatutoryTerms;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.duplicates.DefectRecords;
import ua.dnipro.contactcenter.duplicates.LikelyDuplicates;
import ua.dnipro.contactcenter.complaint.IntakeRecords;
import ua.dnipro.contactcenter.complaint.IntakeRecords.IntakeRecord;
import ua.dnipro.contactcenter.personaldata.PersonalData;
import ua.dnipro.contactcenter.personaldata.PersonalDataVault;
import ua.dnipro.contactcenter.routing.ClassifierCatalogue;
import ua.dnipro.contactcenter.organisation.CityGroups;

/**
 * What a channel may learn about a complaint, and the citizen's re-opening of it. Status, holder,
 * deadlines, the overdue flag, the resolution and the history are the application's own records of
 * the complaint; the applicant and the place as the channel filed them. Names are the catalogue's.
 */
@Service
public class ComplaintTracking {

  private final IntakeRecords records;
  private final ComplaintRecords complaints;
  private final PersonalDataVault personalData;
  private final RuntimeService runtimeService;
  private final ContactCenterProperties properties;
  private final ClassifierCatalogue classifier;
  private final LikelyDuplicates likelyDuplicates;
  private final DefectRecords defects;

  public ComplaintTracking(IntakeRecords records, ComplaintRecords complaints, PersonalDataVault personalData,
      RuntimeService runtimeService, ContactCenterProperties properties, ClassifierCatalogue classifier,
      LikelyDuplicates likelyDuplicates, DefectRecords defects) {
    this.records = records;
    this.complaints = complaints;
    this.personalData = personalData;
    this.runtimeService = runtimeService;
    this.properties = properties;
    this.classifier = classifier;
    this.likelyDuplicates = likelyDuplicates;
    this.defects = defects;
  }

  /**
   * The complaint as {@code channel} may see it: the applicant, the description, the exact place
   * and the resolution (which may name people and places) only if that channel filed it; shown to
   * {@code account}, that channel's account, which the personal-data access log records.
   */
  public ComplaintView view(String number, String channel, String account) {
    return view(number, channel, account, true);
  }

  /**
   * The answer to a filing: it echoes what the channel has just sent (or sent with the same
   * Idempotency-Key), which is no read of someone's stored data and is not logged as one.
   */
  public ComplaintView viewAsFiled(String number, String channel) {
    return view(number, channel, null, false);
  }

  private ComplaintView view(String number, String channel, String account, boolean logged) {
    IntakeRecord record = record(number);
    ComplaintState state = complaints.find(number).orElseThrow(() -> ApiException.notFound("no complaint " + number));
    boolean filedByCaller = record.channel().equals(channel);
    boolean withDepartment = state.status() == ComplaintStatus.IN_PROGRESS;
    // a repeated appeal left unconsidered has the head's reason as its answer
    boolean resolved = state.status() == ComplaintStatus.RESOLVED || state.status() == ComplaintStatus.LEFT_UNCONSIDERED;
    PersonalData filed = !filedByCaller ? null
        : (logged ? personalData.shownTo(account, number) : personalData.forApplication(number))
            .filter(data -> !data.anonymised()).orElse(null);
    var category = classifier.current().category(state.category());
    return new ComplaintView(
        number,
        state.status().name(),
        new ComplaintView.Named(state.category(), category.map(ClassifierCatalogue.Category::nameUk).orElse(null)),
        new ComplaintView.Named(state.issueType(), category.flatMap(c -> c.issueType(state.issueType()))
            .map(ClassifierCatalogue.IssueType::nameUk).orElse(null)),
        state.department() == null ? null : new ComplaintView.Named(state.department(), CityGroups.holderName(properties, state.department())),
        state.slaTier(),
        state.receivedAt(),
        withDepartment ? state.dueAt() : null,
        state.statutoryDeadline(),
        new StatutoryTerms(properties.timeZone()).limit(state.receivedAt()),
        state.overdue(),
        resolved && filedByCaller ? state.resolution() : null,
        resolved ? state.resolvedAt() : null,
        resolved ? state.reopenableUntil() : null,
        state.reopenings(),
        state.rating(),
        state.confirmedAt(),
        // a body's name may be written by hand: the filing channel's to know
        filedByCaller ? state.forwardedTo() : null,
        // which earlier complaint the same applicant filed: theirs to know, not another channel's
        filedByCaller ? state.repeatOf() : null,
        complaints.history(number),
        filed == null ? null : new ComplaintView.Applicant(filed.firstName(), filed.lastName(), filed.patronymic(),
            filed.phone(), filed.email(), filed.applicantAddress()),
        filed == null ? null : filed.description(),
        filed == null ? null : new ComplaintView.Location(filed.locationAddress(), record.district(), filed.latitude(),
            filed.longitude()),
        defects.parentOf(number).flatMap(complaints::find)
            .map(parent -> new ComplaintView.OtherComplaint(parent.number(), parent.status().name(), null)).orElse(null),
        // the filing channel's to tell its citizen the problem is known; numbers and status only (distances
        // would let a channel place other channels' complaints by filing from points of its choosing)
        filedByCaller ? likelyDuplicates.of(number).stream().map(shown -> new ComplaintView.OtherComplaint(
            shown.likely().number(), shown.state().status().name(), null)).toList() : null);
  }

  /** The citizen is not satisfied: the complaint is handled again. Only the channel that filed it may ask. */
  public void reopen(String number, String channel, String reason) {
    IntakeRecord record = record(number);
    if (!record.channel().equals(channel)) {
      throw ApiException.forbidden("complaint " + number + " was filed through another channel; only that channel may re-open it");
    }
    boolean awaiting = runtimeService.createEventSubscriptionQuery().processInstanceId(record.processInstanceId())
        .eventType("message").eventName(ComplaintProcess.MESSAGE_COMPLAINT_REOPENED).count() > 0;
    if (!awaiting) {
      throw ApiException.conflict("not-reopenable", "The complaint cannot be re-opened",
          "only a resolved complaint can be re-opened, within " + properties.reopeningPeriod() + " of its resolution");
    }
    runtimeService.createMessageCorrelation(ComplaintProcess.MESSAGE_COMPLAINT_REOPENED)
        .processInstanceId(record.processInstanceId())
        .setVariable(REOPENING_REASON, reason)
        .correlate();
  }

  /**
   * The citizen confirms the resolution, with a rating from 1 to 5 and perhaps a comment: the
   * complaint closes at once. Only the channel that filed it may tell.
   */
  public void confirm(String number, String channel, int rating, String comment) {
    IntakeRecord record = record(number);
    if (!record.channel().equals(channel)) {
      throw ApiException.forbidden("complaint " + number + " was filed through another channel; only that channel may "
          + "confirm its resolution");
    }
    boolean awaiting = runtimeService.createEventSubscriptionQuery().processInstanceId(record.processInstanceId())
        .eventType("message").eventName(ComplaintProcess.MESSAGE_RESOLUTION_CONFIRMED).count() > 0;
    if (!awaiting) {
      throw ApiException.conflict("not-confirmable", "The complaint's resolution cannot be confirmed",
          "only a resolved complaint can be confirmed, within " + properties.reopeningPeriod() + " of its resolution");
    }
    var correlation = runtimeService.createMessageCorrelation(ComplaintProcess.MESSAGE_RESOLUTION_CONFIRMED)
        .processInstanceId(record.processInstanceId())
        // the rating is the complaint's state; the comment is a free text of the complaint's
        .setVariable(RATING, org.camunda.bpm.engine.variable.Variables.integerValue(rating, true));
    if (comment != null) {
      correlation.setVariable(RATING_COMMENT, comment);
    }
    correlation.correlate();
  }

  private IntakeRecord record(String number) {
    return records.byNumber(number).orElseThrow(() -> ApiException.notFound("no complaint " + number));
  }

}
