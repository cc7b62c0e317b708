package ua.dnipro.contactcenter.efficiency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ua.dnipro.contactcenter.api.ApiCaller;
import ua.dnipro.contactcenter.api.ApiException;
import ua.dnipro.contactcenter.api.Violations;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.organisation.CityGroups;

/**
 * A department's efficiency, per executor too: for the department's heads (their own department)
 * and the contact center's controllers (any), never public and never to channels.
 */
@RestController
@RequestMapping("/api/v1/efficiency/departments/{department}")
@Tag(name = "Efficiency", description = "For heads of departments and controllers: how a department and its executors work")
class DepartmentEfficiencyController {

  static final int MAX_DAYS = 366;

  private final DepartmentEfficiencyQueries queries;
  private final ContactCenterProperties properties;

  DepartmentEfficiencyController(DepartmentEfficiencyQueries queries, ContactCenterProperties properties) {
    this.queries = queries;
    this.properties = properties;
  }

  @GetMapping
  @Operation(summary = "A department's and its executors' figures over a period (Kyiv dates, inclusive)",
      description = "From the engine's history of the executors' tasks: tasks completed, median hours to the first "
          + "claim and of work, on-time share; from the application's records: requests for more time and those "
          + "granted, complaints resolved, the share never re-opened (first time right), the citizens' average "
          + "rating, and the complaints that went overdue while the department held them (even if it returned "
          + "them later). Only the department's heads and the controllers (403 for anybody else); at most 366 days.")
  DepartmentEfficiency efficiency(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable String department,
      @RequestParam String from, @RequestParam String to) {
    ContactCenterProperties.Department configured = properties.department(department);
    if (configured == null) {
      throw ApiException.notFound("no department " + department);
    }
    if (!caller.groups().contains(CityGroups.headsOf(department)) && !caller.groups().contains(CityGroups.CONTROLLERS)
        && !caller.groups().contains(CityGroups.ADMINS)) {
      throw ApiException.forbidden("a department's efficiency is for its heads (group '" + CityGroups.headsOf(department)
          + "') and the controllers only");
    }
    Violations violations = new Violations();
    LocalDate first = date(violations, "from", from);
    LocalDate last = date(violations, "to", to);
    if (first != null && last != null) {
      if (last.isBefore(first)) {
        violations.add("to", "order", "to must not be before from");
      } else if (first.plusDays(MAX_DAYS).isBefore(last.plusDays(1))) {
        violations.add("to", "max-period", "at most " + MAX_DAYS + " days at a time");
      }
    }
    if (!violations.isEmpty()) {
      throw violations.exception();
    }
    return queries.of(department, configured.name(), first, last);
  }

  private static LocalDate date(Violations violations, String field, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      violations.add(field, "date", field + " is a date as YYYY-MM-DD, was '" + text + "'");
      return null;
    }
  }
}
