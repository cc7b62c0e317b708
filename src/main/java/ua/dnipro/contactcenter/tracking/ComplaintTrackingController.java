package ua.dnipro.contactcenter.tracking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ua.dnipro.contactcenter.api.ApiCaller;
import ua.dnipro.contactcenter.api.Texts;
import ua.dnipro.contactcenter.api.Violations;
import ua.dnipro.contactcenter.api.TextLimits;

/** Channels follow complaints here, and pass on a citizen's re-opening. */
@RestController
@RequestMapping("/api/v1/complaints/{number}")
@Tag(name = "Complaints")
class ComplaintTrackingController {


  private final ComplaintTracking tracking;

  ComplaintTrackingController(ComplaintTracking tracking) {
    this.tracking = tracking;
  }

  @GetMapping
  @Operation(summary = "What the citizen may see of a complaint",
      description = "Status, who holds it, due time, overdue flag, the resolution once resolved, and every status "
          + "change. The applicant's personal data, the description and the exact location only to the channel "
          + "that filed it.")
  ComplaintView complaint(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable String number) {
    return tracking.view(number, caller.requireChannel().code(), caller.userId());
  }

  /** Why the citizen is not satisfied. */
  @Schema(name = "Reopening")
  record ReopeningRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = TextLimits.REASON) String reason) {
  }

  @PostMapping("/reopening")
  @Operation(summary = "Re-open a resolved complaint the citizen is not satisfied with",
      description = "Only the channel that filed it, only while the complaint is resolved and within the re-opening "
          + "window (reopenableUntil); 409 otherwise.")
  ResponseEntity<ComplaintView> reopen(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
      @PathVariable String number, @RequestBody(required = false) ReopeningRequest request) {
    String channel = caller.requireChannel().code();
    String reason = request == null ? null : request.reason();
    Violations violations = new Violations();
    if (!Texts.check(violations, "reason", reason, true, TextLimits.REASON, true)) {
      throw violations.exception();
    }
    tracking.reopen(number, channel, reason.trim());
    return ResponseEntity.accepted().body(tracking.view(number, channel, caller.userId()));
  }

  /** The citizen's confirmation of the resolution. */
  @Schema(name = "Confirmation")
  record ConfirmationRequest(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "5",
          description = "the citizen's rating of the resolution, a whole number from 1 (bad) to 5 (good)")
      Number rating,
      @Schema(maxLength = TextLimits.REASON, description = "optional: what the citizen adds") String comment) {
  }

  @PostMapping("/confirmation")
  @Operation(summary = "Confirm a resolved complaint, with the citizen's rating",
      description = "The citizen is satisfied: the complaint closes at once and the rating (1 to 5) counts in the "
          + "department's efficiency. Only the channel that filed it (403 otherwise), only while the complaint is "
          + "resolved and within the re-opening window (reopenableUntil; 409 otherwise). A citizen who is not "
          + "satisfied re-opens it instead (POST .../reopening).")
  ResponseEntity<ComplaintView> confirm(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
      @PathVariable String number, @RequestBody(required = false) ConfirmationRequest request) {
    String channel = caller.requireChannel().code();
    Violations violations = new Violations();
    Number given = request == null ? null : request.rating();
    Integer rating = given instanceof Integer whole ? whole : null;
    if (given == null) {
      violations.add("rating", "required", "the citizen's rating, a whole number from 1 to 5");
    } else if (rating == null || rating < 1 || rating > 5) {
      violations.add("rating", "range", "a rating is a whole number from 1 to 5, was " + given);
    }
    String comment = request == null ? null : request.comment();
    Texts.check(violations, "comment", comment, false, TextLimits.REASON, true);
    if (!violations.isEmpty()) {
      throw violations.exception();
    }
    tracking.confirm(number, channel, rating, comment == null || comment.isBlank() ? null : comment.trim());
    return ResponseEntity.accepted().body(tracking.view(number, channel, caller.userId()));
  }
}
