package ua.dnipro.contactcenter.tracking;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A complaint as the citizen may see it. The applicant, the description and the exact location
 * are shown only to the channel that filed the complaint.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Complaint")
public record ComplaintView(
    @Schema(example = "2026-000123") String number,
    @Schema(example = "IN_PROGRESS", allowableValues = {"REGISTERED", "IN_PROGRESS", "AWAITING_RECLASSIFICATION", "MERGED",
        "RESOLVED", "FORWARDED", "LEFT_UNCONSIDERED"})
    String status,
    Named category,
    Named issueType,
    @Schema(description = "who holds the complaint now: a department, or the contact center's dispatchers") Named department,
    @Schema(example = "EMERGENCY") String slaTier,
    Instant receivedAt,
    @Schema(description = "the department's deadline; absent while the dispatchers re-classify the complaint") Instant dueAt,
    @Schema(description = "the term of the Law \"On Citizens' Appeals\", art. 20, counted from receipt: fifteen days for "
        + "a complaint that needs no additional study, a month otherwise, or as the department's head extended it; "
        + "the instant it ends (midnight after its last day, Kyiv time)") Instant statutoryDeadline,
    @Schema(description = "forty-five days from receipt: the law allows no decision later, extensions included")
    Instant statutoryLimit,
    boolean overdue,
    String resolution,
    Instant resolvedAt,
    @Schema(description = "until when the citizen may re-open (or confirm) a resolved complaint") Instant reopenableUntil,
    @Schema(description = "how often the citizen re-opened it") int reopenings,
    @Schema(description = "the citizen's rating, 1 to 5, once they confirmed the resolution") Integer rating,
    @Schema(description = "when the citizen confirmed the resolution (the complaint is closed)") Instant confirmedAt,
    @Schema(description = "only for the channel that filed it, status FORWARDED: the body outside the city's "
        + "competence that has the complaint now")
    String forwardedTo,
    @Schema(description = "only for the channel that filed it: a repeated appeal's earlier complaint (Law \"On "
        + "Citizens' Appeals\", art. 8); REPEATED_APPEAL_CONSIDERED or LEFT_UNCONSIDERED in the history is the head's "
        + "decision") String repeatOf,
    List<Map<String, Object>> history,
    @Schema(description = "only for the channel that filed the complaint") Applicant applicant,
    @Schema(description = "only for the channel that filed the complaint") String description,
    @Schema(description = "only for the channel that filed the complaint") Location location,
    @Schema(description = "status MERGED (or RESOLVED with it): the complaint that reports the same defect, which this "
        + "one follows; its resolution is this one's") OtherComplaint mergedInto,
    @Schema(description = "only for the channel that filed it: open complaints nearby about the same, found when this "
        + "one was filed, nearest first: the problem may be known already") List<OtherComplaint> likelyDuplicates) {

  /** Another complaint, by its number and where it stands (nothing of its applicant). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record OtherComplaint(String number, String status,
      @Schema(description = "not given to channels") Integer distanceMetres) {
  }

  /** A code with its Ukrainian name. */
  public record Named(String code, String name) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "ComplaintApplicant")
  public record Applicant(String firstName, String lastName, String patronymic, String phone, String email,
      String address) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "ComplaintLocation")
  public record Location(String address, String district, Double lat, Double lon) {
  }
}
