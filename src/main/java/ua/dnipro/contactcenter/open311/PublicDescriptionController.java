package ua.dnipro.contactcenter.open311;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ua.dnipro.contactcenter.api.ApiCaller;
import ua.dnipro.contactcenter.api.ApiException;
import ua.dnipro.contactcenter.api.Texts;
import ua.dnipro.contactcenter.api.Violations;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.organisation.CityGroups;
import ua.dnipro.contactcenter.api.TextLimits;

/**
 * A dispatcher publishes what the public may read of a complaint in words (Open311's
 * {@code description}): a text they reviewed and wrote for the public, never the citizen's own words
 * copied by the system. Until then, and after a withdrawal, the public record has no description.
 */
@RestController
@Tag(name = "Public descriptions", description = "For the dispatchers: what the public may read of a complaint")
class PublicDescriptionController {


  private final ComplaintRecords complaints;
  private final JdbcTemplate jdbc;
  private final ua.dnipro.contactcenter.personaldata.PersonalDataVault personalData;

  PublicDescriptionController(ComplaintRecords complaints, JdbcTemplate jdbc,
      ua.dnipro.contactcenter.personaldata.PersonalDataVault personalData) {
    this.complaints = complaints;
    this.jdbc = jdbc;
    this.personalData = personalData;
  }

  /** The text to publish. */
  @Schema(name = "PublicDescription")
  record Published(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = TextLimits.DESCRIPTION,
      example = "Порив водогону біля будинку, вода на проїжджій частині") String description) {
  }

  @PutMapping("/api/v1/complaints/{number}/public-description")
  @Transactional
  @Operation(summary = "Publish (or replace) the complaint's public description",
      description = "Only the dispatchers and administrators (403 for anybody else); 404 for an unknown complaint; "
          + "422 for an empty text or one over " + TextLimits.DESCRIPTION + " characters. Write it for the public: no names, phones, flats.")
  ResponseEntity<Map<String, Object>> publish(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
      @PathVariable String number, @RequestBody(required = false) Published published) {
    reviewer(caller);
    known(number);
    Violations violations = new Violations();
    Texts.check(violations, "description", published == null ? null : published.description(), true, TextLimits.DESCRIPTION, true);
    if (!violations.isEmpty()) {
      throw violations.exception();
    }
    if (personalData.forApplication(number).map(ua.dnipro.contactcenter.personaldata.PersonalData::anonymised)
        .orElse(true)) {
      throw ApiException.conflict("forgotten", "The complaint's personal data is forgotten",
          "complaint " + number + " was closed long ago and everything written about it forgotten: nothing is published");
    }
    Instant now = Instant.now();
    String text = published.description().strip();
    // the complaint's row locked: two reviewers publishing at once take turns, the later one's text stays
    complaints.findForUpdate(number);
    if (jdbc.update("UPDATE cc_public_description SET description = ?, published_by = ?, published_at = ? "
        + "WHERE complaint_number = ?", text, caller.userId(), Timestamp.from(now), number) == 0) {
      jdbc.update("INSERT INTO cc_public_description (complaint_number, description, published_by, published_at) "
          + "VALUES (?, ?, ?, ?)", number, text, caller.userId(), Timestamp.from(now));
    }
    return ResponseEntity.ok(Map.of("number", number, "description", published.description().strip(),
        "publishedBy", caller.userId(), "publishedAt", now.toString()));
  }

  @GetMapping("/api/v1/complaints/{number}/public-description")
  @Operation(summary = "The complaint's public description, with who published it and when (404 if none)")
  ResponseEntity<Map<String, Object>> read(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
      @PathVariable String number) {
    reviewer(caller);
    known(number);
    return jdbc.query("SELECT description, published_by, published_at FROM cc_public_description "
            + "WHERE complaint_number = ?", (rs, i) -> Map.<String, Object>of("number", number,
            "description", rs.getString("description"), "publishedBy", rs.getString("published_by"),
            "publishedAt", rs.getTimestamp("published_at").toInstant().toString()), number).stream().findFirst()
        .map(ResponseEntity::ok)
        .orElseThrow(() -> ApiException.notFound("complaint " + number + " has no public description"));
  }

  @DeleteMapping("/api/v1/complaints/{number}/public-description")
  @Operation(summary = "Withdraw the complaint's public description (204, also when there was none)")
  ResponseEntity<Void> withdraw(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable String number) {
    reviewer(caller);
    known(number);
    jdbc.update("DELETE FROM cc_public_description WHERE complaint_number = ?", number);
    return ResponseEntity.noContent().build();
  }

  private static void reviewer(ApiCaller caller) {
    if (!caller.groups().contains(CityGroups.DISPATCHERS) && !caller.groups().contains(CityGroups.ADMINS)) {
      throw ApiException.forbidden("only the dispatchers (group '" + CityGroups.DISPATCHERS + "') publish what the "
          + "public reads of a complaint");
    }
  }

  private void known(String number) {
    if (complaints.find(number).isEmpty()) {
      throw ApiException.notFound("no complaint " + number);
    }
  }
}
