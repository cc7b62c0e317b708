package ua.dnipro.contactcenter.open311;

import static ua.dnipro.contactcenter.open311.GeoReport.fields;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import ua.dnipro.contactcenter.api.InvalidRequestException;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.intake.ChannelFilings;
import ua.dnipro.contactcenter.intake.ComplaintRequest;
import ua.dnipro.contactcenter.routing.ClassifierCatalogue;
import ua.dnipro.contactcenter.statistics.PublicCells;
import ua.dnipro.contactcenter.security.ApiKeys;
import ua.dnipro.contactcenter.organisation.CityGroups;

/**
 * The city's record through Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2): the services
 * (one per issue type of the deployed classifier), filing by channels (their credentials as the
 * {@code api_key}, the same rules and process as {@code /api/v1}), and the public list of requests
 * with mySociety's {@code servicerequestupdates}, without personal data. Every resource in
 * {@code .json} and {@code .xml}; errors in the specification's format.
 */
@RestController
@RequestMapping(Open311Controller.BASE)
@Tag(name = "Open311 GeoReport v2")
class Open311Controller {

  static final String BASE = "/open311/v2";
  /** The specification's default window and its limit on a query's span. */
  static final Duration MAX_SPAN = Duration.ofDays(90);
  static final int MAX_PAGE_SIZE = 1000;
  static final Set<ComplaintStatus> CLOSED = Set.of(ComplaintStatus.RESOLVED, ComplaintStatus.FORWARDED,
      ComplaintStatus.LEFT_UNCONSIDERED);

  private final Open311Services services;
  private final PublicRequests requests;
  private final PublicCells cells;
  private final ChannelFilings filings;
  private final ApiKeys apiKeys;
  private final ContactCenterProperties properties;
  private final String jurisdiction;
  private final String contact;
  private final String keyService;

  Open311Controller(Open311Services services, PublicRequests requests, PublicCells cells, ChannelFilings filings,
      ApiKeys apiKeys,
      ContactCenterProperties properties) {
    this.services = services;
    this.requests = requests;
    this.cells = cells;
    this.filings = filings;
    this.apiKeys = apiKeys;
    this.properties = properties;
    this.jurisdiction = properties.open311().jurisdictionId();
    this.contact = properties.open311().contact();
    this.keyService = properties.open311().keyService();
  }

  // --- discovery and services ---------------------------------------------------------------

  @GetMapping("/discovery.{format}")
  @Operation(summary = "Open311 service discovery: where the endpoint is and what it speaks")
  ResponseEntity<byte[]> discovery(@PathVariable String format) {
    GeoReport.Format as = format(format);
    String changeset = services.changeset();
    String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE).toUriString();
    return GeoReport.answer(HttpStatus.OK, as, "discovery", fields("changeset", changeset, "contact", contact,
        "key_service", keyService, "endpoints", List.of(fields("specification", "http://wiki.open311.org/GeoReport_v2",
            "url", url, "changeset", changeset, "type", "production",
            "formats", List.of("text/xml", "application/json")))));
  }

  @GetMapping("/services.{format}")
  @Operation(summary = "Open311 services: one per issue type of the deployed classifier")
  ResponseEntity<byte[]> services(@PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
    GeoReport.Format as = format(format);
    checkJurisdiction(jurisdictionId);
    return GeoReport.answer(HttpStatus.OK, as, "services", services.list());
  }

  @GetMapping("/services/{code}.{format}")
  @Operation(summary = "Open311 service definition: what a filing of this service asks beyond the core fields")
  ResponseEntity<byte[]> definition(@PathVariable String code, @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
    GeoReport.Format as = format(format);
    checkJurisdiction(jurisdictionId);
    if (services.find(code).isEmpty()) {
      throw new Open311Exception(HttpStatus.NOT_FOUND, "service_code not found: " + code);
    }
    return GeoReport.answer(HttpStatus.OK, as, "service_definition", services.definition(code));
  }

  // --- filing -----------------------------------------------------------------------------------

  @PostMapping("/requests.{format}")
  @Operation(summary = "File a complaint through Open311 (a channel's api_key, form-encoded as the specification asks)",
      description = "api_key is the channel's account and password as <account>:<password>. The applicant's "
          + "first_name, last_name, phone and attribute[applicant_address] are required (Law \"On Citizens' "
          + "Appeals\"), as are description and address_string. Send an Idempotency-Key header to make retries safe; "
          + "without one, the same request sent again files once.")
  ResponseEntity<byte[]> file(@PathVariable String format, @RequestParam MultiValueMap<String, String> form,
      @Parameter(description = "a key unique per complaint; without it the request's content is the key")
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      HttpServletRequest request) {
    GeoReport.Format as = format(format);
    if (request.getQueryString() != null && request.getQueryString().matches("(^|.*&)api_key=.*")) {
      // a key in the address ends up in the access logs of every proxy on the way
      throw new Open311Exception(HttpStatus.BAD_REQUEST, "api_key: send it in the form body, never in the address");
    }
    ApiKeys.Verdict verdict = apiKeys.verify(form.getFirst("api_key"), request);
    if (verdict instanceof ApiKeys.Verdict.Blocked blocked) {
      throw new Open311Exception(HttpStatus.TOO_MANY_REQUESTS, "too many failed log-ins from your address: "
          + "try again in " + Math.max(1, blocked.retryAfter().toSeconds()) + " s",
          Math.max(1, blocked.retryAfter().toSeconds()));
    }
    if (!(verdict instanceof ApiKeys.Verdict.ChannelKey key)) {
      throw new Open311Exception(HttpStatus.FORBIDDEN, ((ApiKeys.Verdict.Refused) verdict).reason());
    }
    checkJurisdiction(form.getFirst("jurisdiction_id"));
    String serviceCode = blankToNull(form.getFirst("service_code"));
    if (serviceCode == null) {
      throw new Open311Exception(HttpStatus.BAD_REQUEST, "service_code: required");
    }
    Open311Services.Service service = services.find(serviceCode).orElseThrow(() ->
        new Open311Exception(HttpStatus.NOT_FOUND, "service_code not found: " + serviceCode));
    Map<String, String> attributes = Open311Form.attributes(form);
    ComplaintRequest complaint = new ComplaintRequest(
        new ComplaintRequest.Applicant(blankToNull(form.getFirst("first_name")), blankToNull(form.getFirst("last_name")),
            blankToNull(attributes.get(Open311Services.PATRONYMIC)), blankToNull(form.getFirst("phone")),
            blankToNull(form.getFirst("email")), blankToNull(attributes.get(Open311Services.APPLICANT_ADDRESS))),
        service.category(), service.issueType(), blankToNull(form.getFirst("description")),
        new ComplaintRequest.Location(Open311Form.place(form), blankToNull(attributes.get(Open311Services.DISTRICT)),
            Open311Form.coordinate(form, "lat"), Open311Form.coordinate(form, "long")));
    ChannelFilings.Filed filed;
    try {
      filed = filings.file(complaint, key.channel().code(), idempotencyKey, "open311:");
    } catch (InvalidRequestException invalid) {
      throw new Open311Exception(HttpStatus.BAD_REQUEST, invalid.violations().stream()
          .map(violation -> {
            String field = Open311Form.fieldOf(violation.field());
            return field + ": " + violation.message().replace(violation.field(), field) + " (" + violation.rule() + ")";
          }).toList());
    }
    var response = ResponseEntity.status(HttpStatus.CREATED).contentType(as.mediaType)
        .header(HttpHeaders.LOCATION, ServletUriComponentsBuilder.fromCurrentContextPath()
            .path(BASE + "/requests/" + filed.number() + "." + format.toLowerCase(Locale.ROOT)).toUriString());
    if (filed.repeated()) {
      response.header("Idempotent-Replayed", "true");
    }
    String notice = "Звернення зареєстровано за № " + filed.number() + ". Стан: " + BASE + "/requests/"
        + filed.number() + "." + format.toLowerCase(Locale.ROOT);
    return response.body(GeoReport.render(as, "service_requests", List.of(fields("service_request_id", filed.number(),
        "service_notice", notice, "account_id", null))));
  }

  @GetMapping("/tokens/{token}.{format}")
  @Operation(summary = "Open311 tokens: none are issued (every service answers with its service_request_id at once)")
  ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format) {
    format(format);
    throw new Open311Exception(HttpStatus.NOT_FOUND, "token not found: this endpoint's services are realtime and "
        + "answer a filing with its service_request_id");
  }

  // --- the public record --------------------------------------------------------------------

  @GetMapping("/requests.{format}")
  @Operation(summary = "The public list of requests: no names, phones, addresses or descriptions; the place is "
      + "the centre of its map cell",
      description = "service_request_id (comma list) overrides the other parameters. start_date/end_date (W3C, "
          + "default the last 90 days, at most 90 days apart) filter on the date received; status is open and/or "
          + "closed; page (from 1) and page_size (at most 1000, the default) page the newest first.")
  ResponseEntity<byte[]> list(@PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
      @RequestParam(name = "service_request_id", required = false) String ids,
      @RequestParam(name = "service_code", required = false) String serviceCodes,
      @RequestParam(name = "start_date", required = false) String startDate,
      @RequestParam(name = "end_date", required = false) String endDate,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "page", required = false) String page,
      @RequestParam(name = "page_size", required = false) String pageSize) {
    GeoReport.Format as = format(format);
    checkJurisdiction(jurisdictionId);
    List<PublicRequests.Row> rows;
    if (blankToNull(ids) != null) {
      rows = requests.byNumbers(commaList(ids));
    } else {
      Window window = window(startDate, endDate, MAX_SPAN);
      List<Open311Services.Service> codes = new ArrayList<>();
      for (String code : commaList(serviceCodes)) {
        codes.add(services.find(code).orElseThrow(() ->
            new Open311Exception(HttpStatus.NOT_FOUND, "service_code not found: " + code)));
      }
      Page paged = Page.of(page, pageSize);
      rows = requests.query(codes, window.from(), window.to(), statuses(status), paged.offset(), paged.size());
    }
    return GeoReport.answer(HttpStatus.OK, as, "service_requests", shown(rows));
  }

  @GetMapping("/requests/{id}.{format}")
  @Operation(summary = "One request of the public list")
  ResponseEntity<byte[]> one(@PathVariable String id, @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
    GeoReport.Format as = format(format);
    checkJurisdiction(jurisdictionId);
    List<PublicRequests.Row> rows = requests.byNumbers(List.of(id));
    if (rows.isEmpty()) {
      throw new Open311Exception(HttpStatus.NOT_FOUND, "service_request_id not found: " + id);
    }
    return GeoReport.answer(HttpStatus.OK, as, "service_requests", shown(rows));
  }

  @GetMapping("/servicerequestupdates.{format}")
  @Operation(summary = "mySociety's servicerequestupdates: each change of each request, oldest first",
      description = "start_date and end_date (W3C, both or neither; default the last 24 hours, at most 90 days "
          + "apart) filter on when the change was made; page and page_size as for requests.")
  ResponseEntity<byte[]> updates(@PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
      @RequestParam(name = "start_date", required = false) String startDate,
      @RequestParam(name = "end_date", required = false) String endDate,
      @RequestParam(name = "page", required = false) String page,
      @RequestParam(name = "page_size", required = false) String pageSize) {
    GeoReport.Format as = format(format);
    checkJurisdiction(jurisdictionId);
    if ((blankToNull(startDate) == null) != (blankToNull(endDate) == null)) {
      throw new Open311Exception(HttpStatus.BAD_REQUEST, "start_date and end_date: both or neither");
    }
    Window window = blankToNull(startDate) == null
        ? new Window(Instant.now().minus(Duration.ofDays(1)), Instant.now())
        : window(startDate, endDate, MAX_SPAN);
    Page paged = Page.of(page, pageSize);
    // the times shown are to the hour: a change belongs to the windows its shown time falls in
    Instant from = PublicCells.toTheHour(window.from()).equals(window.from()) ? window.from()
        : PublicCells.toTheHour(window.from()).plus(Duration.ofHours(1));
    Instant until = PublicCells.toTheHour(window.to()).plus(Duration.ofHours(1)).minusMillis(1);
    List<Map<String, Object>> shown = requests.updates(from, until, paged.offset(), paged.size()).stream()
        .map(update -> fields("update_id", String.valueOf(update.id()), "service_request_id", update.number(),
            "status", PublicStatus.extended(update.event(), update.status()),
            "updated_datetime", PublicCells.toTheHour(update.at()),
            "description", PublicStatus.told(update.event(), update.status(),
                update.department() == null ? null : CityGroups.holderName(properties, update.department())),
            "media_url", ""))
        .toList();
    return GeoReport.answer(HttpStatus.OK, as, "service_request_updates", shown);
  }

  private List<Map<String, Object>> shown(List<PublicRequests.Row> rows) {
    ClassifierCatalogue.Catalogue catalogue = services.catalogue();
    return rows.stream().map(row -> shown(row, catalogue)).toList();
  }

  /** A complaint as the public list shows it (the specification's fields, in its order). */
  private Map<String, Object> shown(PublicRequests.Row row, ClassifierCatalogue.Catalogue catalogue) {
    String code = Open311Services.code(row.category(), row.issueType());
    boolean place = cells.mayShow(row.cellLat(), row.cellLon());
    return fields("service_request_id", row.number(),
        "status", CLOSED.contains(row.status()) ? "closed" : "open",
        "status_notes", PublicStatus.name(row.status()),
        "service_name", Open311Services.name(catalogue, row.category(), row.issueType()),
        "service_code", code,
        "description", row.description(),
        "agency_responsible", row.department() == null ? null : CityGroups.holderName(properties, row.department()),
        "service_notice", null,
        "requested_datetime", PublicCells.toTheHour(row.receivedAt()),
        "updated_datetime", PublicCells.toTheHour(row.updatedAt() == null ? row.receivedAt() : row.updatedAt()),
        "expected_datetime", PublicCells.toTheHour(row.dueAt()),
        "address", null,
        "address_id", null,
        "zipcode", null,
        "lat", place ? row.cellLat() : null,
        "long", place ? row.cellLon() : null,
        "media_url", null);
  }

  // --- parameters ------------------------------------------------------------------------------

  private static GeoReport.Format format(String suffix) {
    return GeoReport.Format.of(suffix).orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND,
        "format not found: ." + suffix + " (this endpoint speaks .json and .xml)"));
  }

  private void checkJurisdiction(String jurisdictionId) {
    if (blankToNull(jurisdictionId) != null && !jurisdiction.equals(jurisdictionId)) {
      throw new Open311Exception(HttpStatus.NOT_FOUND, "jurisdiction_id not found: " + jurisdictionId
          + " (this endpoint serves " + jurisdiction + ")");
    }
  }

  /** The times a list is asked for, both ends included. */
  private record Window(Instant from, Instant to) {
  }

  private static Window window(String startDate, String endDate, Duration maxSpan) {
    Instant end = blankToNull(endDate) == null ? null : w3c(endDate, "end_date");
    Instant start = blankToNull(startDate) == null ? null : w3c(startDate, "start_date");
    if (end == null) {
      end = start == null ? Instant.now() : start.plus(maxSpan);
    }
    if (start == null) {
      start = end.minus(maxSpan);
    }
    if (start.isAfter(end)) {
      throw new Open311Exception(HttpStatus.BAD_REQUEST, "start_date: must not be after end_date");
    }
    if (Duration.between(start, end).compareTo(maxSpan) > 0) {
      throw new Open311Exception(HttpStatus.BAD_REQUEST, "start_date, end_date: at most " + maxSpan.toDays()
          + " days apart");
    }
    return new Window(start, end);
  }

  private static Instant w3c(String value, String name) {
    try {
      // an offset's '+' sent unencoded in a query string arrives as a space
      return OffsetDateTime.parse(value.trim().replace(' ', '+')).toInstant();
    } catch (DateTimeParseException e) {
      throw new Open311Exception(HttpStatus.BAD_REQUEST, name + ": a W3C date-time with its zone, such as "
          + "2026-11-29T10:00:00Z or 2026-11-29T12:00:00+02:00; was '" + value + "'");
    }
  }

  private static Set<ComplaintStatus> statuses(String status) {
    Set<ComplaintStatus> chosen = new LinkedHashSet<>();
    for (String one : commaList(status)) {
      switch (one.toLowerCase(Locale.ROOT)) {
        case "open" -> java.util.Arrays.stream(ComplaintStatus.values()).filter(s -> !CLOSED.contains(s))
            .forEach(chosen::add);
        case "closed" -> chosen.addAll(CLOSED);
        default -> throw new Open311Exception(HttpStatus.BAD_REQUEST, "status: open or closed; was '" + one + "'");
      }
    }
    return chosen;
  }

  /** The common page/page_size extension: pages from 1, at most {@value #MAX_PAGE_SIZE} (the default) each. */
  record Page(int offset, int size) {
    static Page of(String page, String pageSize) {
      int size = positive(pageSize, "page_size", MAX_PAGE_SIZE, MAX_PAGE_SIZE);
      int number = positive(page, "page", 1, Integer.MAX_VALUE / MAX_PAGE_SIZE);
      return new Page((number - 1) * size, size);
    }
  }

  private static int positive(String value, String name, int absent, int max) {
    if (blankToNull(value) == null) {
      return absent;
    }
    try {
      int number = Integer.parseInt(value.trim());
      if (number >= 1 && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // told below
    }
    throw new Open311Exception(HttpStatus.BAD_REQUEST, name + ": a whole number from 1 to " + max + "; was '" + value
        + "'");
  }

  private static List<String> commaList(String value) {
    List<String> items = new ArrayList<>();
    if (value != null) {
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
    }
    return items;
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  // --- errors ------------------------------------------------------------------------------------

  @ExceptionHandler(Open311Exception.class)
  ResponseEntity<byte[]> refused(Open311Exception refusal, HttpServletRequest request) {
    GeoReport.Format as = formatOf(request.getRequestURI()).orElse(GeoReport.Format.JSON);
    List<Map<String, Object>> errors = refusal.descriptions().stream()
        .map(description -> fields("code", refusal.status().value(), "description", description)).toList();
    ResponseEntity<byte[]> answer = GeoReport.answer(refusal.status(), as, "errors", errors);
    return refusal.retryAfterSeconds() == null ? answer : ResponseEntity.status(answer.getStatusCode())
        .headers(answer.getHeaders()).header(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.retryAfterSeconds()))
        .body(answer.getBody());
  }

  /** The format an answer about this path takes: the suffix's, or JSON where the suffix is none of ours. */
  static Optional<GeoReport.Format> formatOf(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? Optional.empty() : GeoReport.Format.of(path.substring(dot + 1));
  }

  /** A refusal in the specification's terms: its HTTP status and what was wrong, one entry per error. */
  static final class Open311Exception extends RuntimeException {

    private final HttpStatus status;
    private final List<String> descriptions;
    private final Long retryAfterSeconds;

    Open311Exception(HttpStatus status, String description) {
      this(status, List.of(description));
    }

    Open311Exception(HttpStatus status, String description, long retryAfterSeconds) {
      super(description);
      this.status = status;
      this.descriptions = List.of(description);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    Open311Exception(HttpStatus status, List<String> descriptions) {
      super(String.join("; ", descriptions));
      this.status = status;
      this.descriptions = descriptions;
      this.retryAfterSeconds = null;
    }

    Long retryAfterSeconds() {
      return retryAfterSeconds;
    }

    HttpStatus status() {
      return status;
    }

    List<String> descriptions() {
      return descriptions;
    }
  }
}
