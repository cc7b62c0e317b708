package ua.dnipro.contactcenter.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ua.dnipro.contactcenter.api.Violations;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.statistics.StatisticsQueries.Area;
import ua.dnipro.contactcenter.statistics.StatisticsQueries.Figures;
import ua.dnipro.contactcenter.statistics.StatisticsQueries.Granularity;
import ua.dnipro.contactcenter.statistics.StatisticsQueries.Grouping;

/**
 * The public map: where complaints come from, by cells of about a kilometre and by district, never
 * a complaint's own location, and for one calendar month that has ended at a time. Such months do
 * not overlap and no longer change, so no two answers can be subtracted to reveal what neither
 * shows: a cell with fewer than 10 complaints is not shown, a district with fewer is counted under
 * OTHER.
 */
@RestController
@RequestMapping("/api/v1/map")
@Tag(name = "Map", description = "Public: complaints by map cell and district, one calendar month at a time, "
    + "without personal data")
class MapController {

  private final StatisticsQueries queries;
  private final KyivCalendar calendar;
  private final ContactCenterProperties properties;
  private final PublicStatisticsCosts costs;

  MapController(StatisticsQueries queries, ContactCenterProperties properties, PublicStatisticsCosts costs) {
    this.queries = queries;
    this.calendar = new KyivCalendar(properties.timeZone());
    this.properties = properties;
    this.costs = costs;
  }

  @GetMapping(path = "/complaints", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "GeoJSON: a point at the centre of each ~1 km cell with at least 10 complaints received in the month")
  ResponseEntity<Map<String, Object>> complaints(
      @Parameter(description = "a calendar month that has ended, in Kyiv time, e.g. 2026-03 (default: the last)")
      @RequestParam(required = false) String month, @RequestParam Map<String, String> parameters) {
    YearMonth asked = month(month, parameters);
    return StatisticsController.cached(costs.answer("map-cells|" + asked, () -> {
      List<Map<String, Object>> features = new ArrayList<>();
      for (Area cell : queries.cells(asked.atDay(1), asked.atEndOfMonth())) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("received", cell.received());
        figures.put("resolved", cell.resolved());
        figures.put("open", cell.open());
        figures.put("overdue", cell.overdue());
        features.add(Map.of("type", "Feature",
            "geometry", Map.of("type", "Point", "coordinates", List.of(cell.longitude(), cell.latitude())),
            "properties", figures));
      }
      Map<String, Object> collection = new LinkedHashMap<>();
      collection.put("type", "FeatureCollection");
      collection.put("month", asked.toString());
      collection.put("features", features);
      return collection;
    }));
  }

  /** A district's figures in the month (or the pooled small districts, OTHER). */
  record DistrictSummary(String district, String name, long received, long resolved, long open, long overdue) {
  }

  @GetMapping("/districts")
  @Operation(summary = "Per district in the month; districts with fewer than 10 complaints together as OTHER")
  ResponseEntity<List<DistrictSummary>> districts(
      @Parameter(description = "a calendar month that has ended, in Kyiv time, e.g. 2026-03 (default: the last)")
      @RequestParam(required = false) String month, @RequestParam Map<String, String> parameters) {
    YearMonth asked = month(month, parameters);
    return StatisticsController.cached(costs.answer("map-districts|" + asked, () -> {
      // the map counts defects: a report merged into another about the same defect is that defect
      StatisticsQueries.Report report = queries.report(asked.atDay(1), asked.atEndOfMonth(), Granularity.MONTH,
          Grouping.DISTRICT, true);
      List<Figures> districts = report.buckets().isEmpty() ? List.of() : PublicFigures.pooled(
          PublicFigures.configuredOnly(report.buckets().get(0).groups(), new PublicCodes(properties)::isDistrict));
      return districts.stream()
          .sorted(Comparator.comparing((Figures f) -> f.key().equals(PublicFigures.OTHER)).thenComparing(Figures::key))
          .map(f -> new DistrictSummary(f.key(), name(f.key()), f.received(), f.resolved(), f.open(), f.overdue()))
          .toList();
    }));
  }

  private String name(String district) {
    return PublicCodes.pooledName(district).orElseGet(() -> properties.districtName(district));
  }

  /** What the dashboard's map needs: the tile server (if any) and where the city is. */
  record MapConfig(String tileUrl, String attribution, double south, double north, double west, double east,
      int minimumPerArea) {
  }

  @GetMapping("/config")
  MapConfig config() {
    var box = properties.cityBounds();
    return new MapConfig(properties.map().tileUrl(), properties.map().attribution(), box.south(), box.north(),
        box.west(), box.east(), StatisticsQueries.MIN_AREA_COUNT);
  }

  /** The month asked for; any other parameter (a free period, a breakdown) is refused by name. */
  private YearMonth month(String month, Map<String, String> parameters) {
    Violations problems = new Violations();
    parameters.keySet().stream().filter(name -> !name.equals("month")).sorted().forEach(name -> problems.add(name,
        "month-only", "the map is given for one calendar month at a time (month=YYYY-MM), "
            + "without further breakdowns, so that no two answers can be subtracted from each other"));
    YearMonth asked = calendar.lastEndedMonth();
    if (month != null && !month.isBlank()) {
      try {
        asked = YearMonth.parse(month.trim());
        if (asked.isBefore(YearMonth.from(ReportingPeriods.EARLIEST))) {
          problems.add("month", "date-range", "month must be " + YearMonth.from(ReportingPeriods.EARLIEST)
              + " or later");
        } else if (asked.isAfter(calendar.lastEndedMonth())) {
          problems.add("month", "ended-month", "the map shows months that have ended (the last is "
              + calendar.lastEndedMonth() + "): this month's figures grow with each complaint, and two answers "
              + "apart in time would show who complained in between");
        }
      } catch (DateTimeParseException e) {
        problems.add("month", "month-format", "month must be a calendar month such as 2026-03");
      }
    }
    if (!problems.isEmpty()) {
      throw problems.exception();
    }
    return asked;
  }
}
