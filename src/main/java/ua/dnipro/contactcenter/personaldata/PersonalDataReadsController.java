package ua.dnipro.contactcenter.personaldata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ua.dnipro.contactcenter.api.ApiCaller;
import ua.dnipro.contactcenter.api.ApiException;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.organisation.CityGroups;
import ua.dnipro.contactcenter.api.Violations;

/** For administrators and auditors: who read which complaint's personal data, when, and how. */
@RestController
@RequestMapping("/api/v1/admin/personal-data-reads")
@Tag(name = "Administration", description = "For administrators: the personal-data access log")
class PersonalDataReadsController {

  static final int MAX_LIMIT = 1000;

  private final PersonalDataReads reads;

  PersonalDataReadsController(PersonalDataReads reads) {
    this.reads = reads;
  }

  @GetMapping
  @Operation(summary = "Reads of applicants' personal data by people and channel accounts, newest first: through our "
      + "API, engine REST or the webapps (Tasklist, Cockpit). Filter by complaint number and/or reader; from/to are "
      + "ISO-8601 instants (default: the last 30 days).")
  List<PersonalDataReads.Read> find(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
      @RequestParam(required = false) String complaint, @RequestParam(required = false) String reader,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "100") int limit) {
    if (!caller.groups().contains(CityGroups.ADMINS)) {
      throw ApiException.forbidden("only administrators read the personal-data access log");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw Violations.one("limit", "range", "between 1 and " + MAX_LIMIT);
    }
    Instant until = instant("to", to, EngineClock.now().plusSeconds(1));
    Instant since = instant("from", from, until.minus(java.time.Duration.ofDays(30)));
    if (!since.isBefore(until)) {
      throw Violations.one("from", "before-to", "must be before 'to'");
    }
    return reads.find(blankToNull(complaint), blankToNull(reader), since, until, limit);
  }

  private static Instant instant(String field, String value, Instant otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw Violations.one(field, "iso-instant", "an ISO-8601 instant such as 2026-11-01T00:00:00Z");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
