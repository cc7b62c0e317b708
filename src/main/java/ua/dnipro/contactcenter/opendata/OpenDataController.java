package ua.dnipro.contactcenter.opendata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ua.dnipro.contactcenter.api.ApiException;
import ua.dnipro.contactcenter.api.Violations;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.routing.ClassifierCatalogue;
import ua.dnipro.contactcenter.organisation.CityGroups;
import ua.dnipro.contactcenter.statistics.Period;

/**
 * The city's record as open data, public like the statistics: every complaint as a row (CSV or
 * JSON, streamed), and the classifier as a table (category, issue type, department, tier and its
 * duration, with the routing table's version). No personal data: see {@link OpenData}.
 */
@RestController
@RequestMapping("/api/v1/open-data")
@Tag(name = "Open data")
class OpenDataController {

  static final String[] CLASSIFIER_COLUMNS = {"routing_table_version", "category", "category_name", "issue_type",
      "issue_type_name", "department", "department_name", "sla_tier", "sla_duration"};

  /** Exports written at once, each holding a database connection while its client reads. */
  static final int AT_ONCE = 2;
  /** The longest period one request exports (a year's days, a leap year's included). */
  static final int MAX_DAYS = 366;

  private final java.util.concurrent.Semaphore writing = new java.util.concurrent.Semaphore(AT_ONCE);
  private final OpenData openData;
  private final ClassifierCatalogue classifier;
  private final ContactCenterProperties properties;
  private final ObjectMapper json;

  OpenDataController(OpenData openData, ClassifierCatalogue classifier, ContactCenterProperties properties,
      ObjectMapper json) {
    this.openData = openData;
    this.classifier = classifier;
    this.properties = properties;
    this.json = json;
  }

  @GetMapping("/complaints.csv")
  @Transactional(readOnly = true)
  @Operation(summary = "Every complaint received in the period, one row each (RFC 4180 CSV, UTF-8): codes, times "
      + "and the map cell, never personal data. Columns: see docs/statistics.md, \"Open data\".")
  void complaintsCsv(
      @Parameter(description = "first day received, ISO date in Kyiv (default: 1 January of the last day's year)")
      @RequestParam(required = false) String from,
      @Parameter(description = "last day received, ISO date in Kyiv (default: today)")
      @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
    Period period = period(from, to);
    exclusively(response, () -> {
      response.setContentType("text/csv; charset=utf-8");
      response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"complaints-" + period.first() + "-"
          + period.last() + ".csv\"");
      Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
      Csv csv = new Csv(out);
      csv.record((Object[]) OpenData.COLUMNS);
      openData.complaints(period.first(), period.last(), row -> write(() -> csv.record(row.values().toArray())));
      out.flush();
    });
  }

  @GetMapping("/complaints.json")
  @Transactional(readOnly = true)
  @Operation(summary = "As complaints.csv, as a JSON array of objects (streamed)")
  void complaintsJson(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      HttpServletResponse response) throws IOException {
    Period period = period(from, to);
    exclusively(response, () -> {
      response.setContentType("application/json");
      try (JsonGenerator out = json.createGenerator(response.getOutputStream())) {
        out.writeStartArray();
        openData.complaints(period.first(), period.last(), row -> write(() -> out.writeObject(row)));
        out.writeEndArray();
      }
    });
  }

  /**
   * At most {@value #AT_ONCE} exports at once: each holds a connection (its cursor) for as long as its
   * client takes to read, and the pool is intake's and Tasklist's too. Past that, 503 with Retry-After.
   */
  private void exclusively(HttpServletResponse response, Io export) throws IOException {
    if (!writing.tryAcquire()) {
      response.setHeader(HttpHeaders.RETRY_AFTER, "30");
      throw new ApiException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "exports-busy",
          "Other exports are being written", "at most " + AT_ONCE + " exports are written at once: try again in 30 s");
    }
    try {
      export.run();
    } finally {
      writing.release();
    }
  }

  @GetMapping("/classifier.csv")
  @Operation(summary = "The deployed classifier: which department gets each issue type, with which tier and term")
  void classifierCsv(HttpServletResponse response) throws IOException {
    response.setContentType("text/csv; charset=utf-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"classifier.csv\"");
    Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    Csv csv = new Csv(out);
    csv.record((Object[]) CLASSIFIER_COLUMNS);
    for (Map<String, Object> row : classifierRows()) {
      csv.record(row.values().toArray());
    }
    out.flush();
  }

  @GetMapping("/classifier.json")
  @Operation(summary = "As classifier.csv, as a JSON array of objects")
  List<Map<String, Object>> classifierJson() {
    return classifierRows();
  }

  private List<Map<String, Object>> classifierRows() {
    ClassifierCatalogue.Catalogue catalogue = classifier.current();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ClassifierCatalogue.Category category : catalogue.categories()) {
      for (ClassifierCatalogue.IssueType issueType : category.issueTypes()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("routing_table_version", catalogue.routingVersion());
        row.put("category", category.code());
        row.put("category_name", category.nameUk());
        row.put("issue_type", issueType.code());
        row.put("issue_type_name", issueType.nameUk());
        row.put("department", issueType.department());
        row.put("department_name", issueType.department() == null ? null : CityGroups.holderName(properties, issueType.department()));
        row.put("sla_tier", issueType.slaTier());
        row.put("sla_duration", issueType.slaDuration());
        rows.add(row);
      }
    }
    return rows;
  }

  private Period period(String from, String to) {
    Violations problems = new Violations();
    LocalDate last = day(to, "to", problems);
    LocalDate first = day(from, "from", problems);
    if (!problems.isEmpty()) {
      throw problems.exception();
    }
    LocalDate end = last != null ? last : LocalDate.now(properties.timeZone());
    LocalDate start = first != null ? first : end.withDayOfYear(1);
    if (start.isAfter(end)) {
      throw Violations.one("from", "not-after-to",
          "the first day must not be after the last (" + start + " > " + end + ")");
    }
    if (java.time.temporal.ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
      throw Violations.one("from", "at-most-a-year",
          "at most " + MAX_DAYS + " days per request (" + start + " to " + end + "): ask year by year");
    }
    return new Period(start, end);
  }

  private static LocalDate day(String value, String field, Violations problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      problems.add(field, "iso-date", field + " is a day as YYYY-MM-DD, such as 2026-01-31; was '"
          + value + "'");
      return null;
    }
  }

  private interface Io {
    void run() throws IOException;
  }

  private static void write(Io io) {
    try {
      io.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
