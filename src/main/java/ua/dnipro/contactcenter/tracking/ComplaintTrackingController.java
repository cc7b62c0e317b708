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

/** Channels follow complaints here, and pass on a citizen's re-opening. */
@RestController
@RequestMapping("/api/v1/complaints/{number}")
@Tag(name = "Complaints")
class ComplaintTrackingController {

  static final int MAX_REASON = 2000;

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
  record ReopeningRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = MAX_REASON) String reason) {
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
    if (!Texts.check(violations, "reason", reason, true, MAX_REASON, true)) {
      throw violations.exception();
    }
    tracking.reopen(number, channel, reason.trim());
    return ResponseEntity.accepted().body(tracking.view(number, channel, caller.userId()));
  }
}
