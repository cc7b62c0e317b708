package ua.dnipro.contactcenter.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ua.dnipro.contactcenter.api.ApiCaller;
import ua.dnipro.contactcenter.tracking.ComplaintTracking;
import ua.dnipro.contactcenter.tracking.ComplaintView;

/** Channels file complaints here. */
@RestController
@RequestMapping("/api/v1/complaints")
@Tag(name = "Complaints")
class ComplaintIntakeController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final ComplaintRequestValidator validator;
  private final ComplaintIntake intake;
  private final ComplaintTracking tracking;

  ComplaintIntakeController(ComplaintRequestValidator validator, ComplaintIntake intake, ComplaintTracking tracking) {
    this.validator = validator;
    this.intake = intake;
    this.tracking = tracking;
  }

  @PostMapping
  @Operation(summary = "File a complaint",
      description = "The channel is the caller's account. First name, last name, phone and address of the applicant "
          + "are required (Law \"On Citizens' Appeals\": anonymous appeals are not processed). Codes come from "
          + "GET /api/v1/categories. Send an Idempotency-Key (a UUID per complaint) so that retries never file twice.",
      responses = {
          @ApiResponse(responseCode = "201", description = "Filed; Location points at the complaint"),
          @ApiResponse(responseCode = "422", description = "Broken rules, each named with its field",
              content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
          @ApiResponse(responseCode = "401", description = "No or wrong credentials"),
          @ApiResponse(responseCode = "403", description = "The caller is not a channel account")})
  ResponseEntity<ComplaintView> file(
      @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
      @Parameter(description = "a key unique per complaint, such as a UUID: the same key and body file once; "
          + "without it a retry may file the complaint twice")
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestBody(required = false) ComplaintRequest request) {
    String channel = caller.requireChannel().code();
    NewComplaint complaint = validator.validate(request, channel);
    ComplaintIntake.Accepted<ComplaintView> accepted = intake.accept(complaint, idempotencyKey,
        number -> tracking.viewAsFiled(number, channel));
    var response = ResponseEntity.created(URI.create("/api/v1/complaints/" + accepted.number()));
    if (accepted.repeated()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(accepted.answer());
  }
}
