package ua.dnipro.contactcenter.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ua.dnipro.contactcenter.api.FieldViolation;
import ua.dnipro.contactcenter.api.InvalidRequestException;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.statistics.StatisticsQueries.Area;
import ua.dnipro.contactcenter.statistics.StatisticsQueries.Granularity;

/**
 * The public map: where complaints come from, by cells of about a kilometre and by district, never
 * a complaint's own location; a cell or district with fewer than 10 complaints is not shown.
 */
@RestController
@RequestMapping("/api/v1/map")
@Tag(name = "Map", description = "Public: complaints by map cell and district, without personal data")
class MapController {

  private final StatisticsQueries queries;
  private final ReportingPeriods periods;
  private final ContactCenterProperties properties;

  MapController(StatisticsQueries queries, ContactCenterProperties properties) {
    this.queries = queries;
    this.periods = new ReportingPeriods(new KyivCalendar(properties.timeZone()));
    this.properties = properties;
  }

  @GetMapping(path = "/complaints", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "GeoJSON: a point at the centre of each ~1 km cell with at least 10 complaints received in the period")
  ResponseEntity<Map<String, Object>> complaints(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String category) {
    LocalDate[] period = period(from, to);
    List<Map<String, Object>> features = new ArrayList<>();
    for (Area cell : queries.cells(period[0], period[1], category == null || category.isBlank() ? null : category)) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("received", cell.received());
      properties.put("resolved", cell.resolved());
      properties.put("open", cell.open());
      properties.put("overdue", cell.overdue());
      features.add(Map.of("type", "Feature",
          "geometry", Map.of("type", "Point", "coordinates", List.of(cell.longitude(), cell.latitude())),
          "properties", properties));
    }
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.put("type", "FeatureCollection");
    collection.put("from", period[0]);
    collection.put("to", period[1]);
    collection.put("features", features);
    return StatisticsController.cached(collection);
  }

  /** A district's figures. */
  record DistrictSummary(String district, String name, long received, long resolved, long open, long overdue) {
  }

  @GetMapping("/districts")
  @Operation(summary = "Per district with at least 10 complaints received in the period")
  ResponseEntity<List<DistrictSummary>> districts(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    LocalDate[] period = period(from, to);
    return StatisticsController.cached(queries.districts(period[0], period[1]).stream()
        .map(d -> new DistrictSummary(d.district(), properties.districtName(d.district()), d.received(), d.resolved(),
            d.open(), d.overdue()))
        .toList());
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

  private LocalDate[] period(String from, String to) {
    List<FieldViolation> problems = new ArrayList<>();
    LocalDate[] period = periods.period(from, to, Granularity.DAY, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return period;
  }
}
