package ua.dnipro.contactcenter.duplicates;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.config.CalendarDuration;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.duplicates.DefectRecords.LikelyDuplicate;
import ua.dnipro.contactcenter.personaldata.PersonalDataVault;
import ua.dnipro.contactcenter.personaldata.PersonalDataVault.Place;

/**
 * Finds, as a complaint is filed, the open complaints that seem to report the same defect: the same
 * category (and issue type, except where one defect shows as several), received within the period
 * before it, within the radius or at the same address. They are kept with the complaint (at most
 * {@link #SHOWN}, nearest first) and shown to the department and the dispatchers on its task, and to
 * the channels with the complaint; a person decides whether it is merged.
 */
@Component
public class LikelyDuplicates {

  static final int SHOWN = 5;
  /** How many open complaints of the category are compared at most (the newest). */
  static final int COMPARED = 200;
  private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("dd.MM HH:mm");

  private final ComplaintRecords complaints;
  private final PersonalDataVault personalData;
  private final DefectRecords defects;
  private final ContactCenterProperties properties;
  private final CalendarDuration period;

  public LikelyDuplicates(ComplaintRecords complaints, PersonalDataVault personalData, DefectRecords defects,
      ContactCenterProperties properties) {
    this.complaints = complaints;
    this.personalData = personalData;
    this.defects = defects;
    this.properties = properties;
    this.period = properties.duplicates().period();
  }

  /** Looks for the complaint's likely duplicates and keeps them; returns them, nearest first. */
  public List<LikelyDuplicate> findAndRecord(String number, String category, String issueType, Instant receivedAt) {
    Optional<Place> here = personalData.placeOf(number);
    if (here.isEmpty() || category == null) {
      return recorded(number, List.of());
    }
    boolean anyIssueType = properties.duplicates().anyIssueTypeIn().contains(category);
    List<String> candidates = complaints.openOfCategorySince(category, anyIssueType ? null : issueType,
        period.subtractFrom(receivedAt, properties.timeZone()), number, COMPARED);
    if (candidates.isEmpty()) {
      return recorded(number, List.of());
    }
    // two statements per filing whatever the number of candidates: their states, then their places
    var places = personalData.placesOf(candidates);
    List<LikelyDuplicate> found = candidates.stream()
        .filter(places::containsKey)
        .map(other -> likely(other, here.get(), places.get(other)))
        .filter(Objects::nonNull)
        .sorted(Comparator.comparing(LikelyDuplicate::distanceMetres, Comparator.nullsLast(Comparator.naturalOrder())))
        .limit(SHOWN)
        .toList();
    return recorded(number, found);
  }

  private List<LikelyDuplicate> recorded(String number, List<LikelyDuplicate> found) {
    defects.recordLikely(number, found);
    return found;
  }

  private LikelyDuplicate likely(String number, Place here, Place there) {
    Integer metres = here.metresTo(there);
    boolean sameAddress = here.comparableAddress() != null && here.comparableAddress().equals(there.comparableAddress());
    if (sameAddress || metres != null && metres <= properties.duplicates().radiusMetres()) {
      return new LikelyDuplicate(number, metres, sameAddress);
    }
    return null;
  }

  /** The complaint's likely duplicates with where each stands now. */
  public List<Shown> of(String number) {
    return defects.likelyOf(number).stream()
        .map(likely -> complaints.find(likely.number()).map(state -> new Shown(likely, state)))
        .flatMap(Optional::stream).toList();
  }

  /**
   * What a task shows of them: "2026-000120 (35 м, 29.11 10:20, IN_PROGRESS)" per line, or null if
   * there are none. Numbers, distances and times only: no address, no applicant.
   */
  public String shownOnTask(String number) {
    List<Shown> shown = of(number);
    if (shown.isEmpty()) {
      return null;
    }
    return shown.stream().map(one -> one.likely().number() + " ("
        + (one.likely().distanceMetres() == null ? "та сама адреса" : one.likely().distanceMetres() + " м")
        + ", надійшло " + SHOWN_TIME.format(one.state().receivedAt().atZone(properties.timeZone()))
        + ", " + statusShown(one.state()) + ")").collect(Collectors.joining("\n"));
  }

  private static String statusShown(ComplaintState state) {
    return switch (state.status()) {
      case REGISTERED -> "зареєстровано";
      case IN_PROGRESS -> "у роботі";
      case AWAITING_RECLASSIFICATION -> "у диспетчерів";
      case MERGED -> "об'єднано з іншим";
      case RESOLVED -> "вирішено";
      case FORWARDED -> "переслано за належністю";
      case LEFT_UNCONSIDERED -> "залишено без розгляду";
    };
  }

  /** A likely duplicate and its complaint's state now. */
  public record Shown(LikelyDuplicate likely, ComplaintState state) {
  }
}
