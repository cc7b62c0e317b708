package ua.dnipro.contactcenter.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * The statistics' figures on fixture data with known answers, in January-March 2021 where no other
 * test files complaints: week and month boundaries in Kyiv time (23:30 and 00:30 on either side of
 * midnight), an overdue complaint, a returned one, an open one, and percentiles worked out by hand
 * (linear interpolation: of 4 h and 14 h the median is 9 h, the 90th percentile 4 + 0.9 x 10 = 13 h;
 * of 4, 14 and 72 h: 14 h and 14 + 0.8 x 58 = 60.4 h).
 */
class StatisticsApiTests extends PostgresApplicationTest {

  @Autowired StatisticsProjection projection;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @BeforeEach
  void fixture() {
    jdbc.update("DELETE FROM cc_complaint_fact WHERE complaint_number LIKE 'FX-%'");
    // Sunday 23:30 in Kyiv, resolved Monday 03:30: 4 h, on time (6 h)
    complaint("FX-01", "WATER", "water-utility", "EMERGENCY", "SOBORNYI", "2021-01-03T21:30:00Z", 6, "2021-01-04T01:30:00Z");
    // Monday 00:30 in Kyiv, resolved after 14 h: overdue
    complaint("FX-02", "WATER", "water-utility", "EMERGENCY", "SOBORNYI", "2021-01-03T22:30:00Z", 6, "2021-01-04T12:30:00Z");
    projection.overdue("FX-02");
    // re-opened once by its citizen, then resolved again within the same 14 h
    projection.reopened("FX-02");
    projection.resolved("FX-02", Instant.parse("2021-01-03T22:30:00Z"), Instant.parse("2021-01-04T12:30:00Z"), false,
        "water-utility");
    projection.confirmed("FX-01", 5);
    projection.confirmed("FX-02", 2);
    // 31 January 23:30 in Kyiv, still open
    complaint("FX-03", "LIFTS", "lift-service", "SHORT", "CHECHELIVSKYI", "2021-01-31T21:30:00Z", 24, null);
    // 1 February 00:30 in Kyiv, returned once, resolved after 12 h
    complaint("FX-04", "LIFTS", "lift-service", "SHORT", "CHECHELIVSKYI", "2021-01-31T22:30:00Z", 24, "2021-02-01T10:30:00Z");
    projection.returned("FX-04");
    // resolved after 72 h, on time (7 days)
    complaint("FX-05", "ROADS", "improvement-infrastructure", "LONG", "CHECHELIVSKYI", "2021-01-05T08:00:00Z", 168,
        "2021-01-08T08:00:00Z");
  }

  void complaint(String number, String category, String department, String tier, String district, String received,
      int slaHours, String resolved) {
    Instant receivedAt = Instant.parse(received);
    Instant due = receivedAt.plus(Duration.ofHours(slaHours));
    projection.registered(number, "HOTLINE", category, null, district, receivedAt, null, null);
    projection.routed(number, department, tier, due, category, null);
    if (resolved != null) {
      Instant resolvedAt = Instant.parse(resolved);
      projection.resolved(number, receivedAt, resolvedAt, !resolvedAt.isAfter(due), department);
    }
  }

  @Test
  void weeksStartOnMondayInKyivAndFiguresAreExact() {
    JsonNode report = get("/api/v1/statistics?from=2021-01-01&to=2021-02-07&granularity=week&groupBy=department");

    assertThat(report.get("timeZone").asText()).isEqualTo("Europe/Kyiv");
    assertThat(starts(report)).containsExactly("2020-12-28", "2021-01-04", "2021-01-25", "2021-02-01");
    assertThat(figures(report, "2020-12-28", "water-utility"))
        .isEqualTo("received=1 resolved=0 open=1 overdue=0 returned=0 onTime=null median=null p90=null");
    assertThat(figures(report, "2021-01-04", "water-utility"))
        .isEqualTo("received=1 resolved=2 open=0 overdue=1 returned=0 onTime=0.5 median=9.0 p90=13.0");
    assertThat(figures(report, "2021-01-04", "improvement-infrastructure"))
        .isEqualTo("received=1 resolved=1 open=0 overdue=0 returned=0 onTime=1.0 median=72.0 p90=72.0");
    assertThat(figures(report, "2021-01-25", "lift-service"))
        .isEqualTo("received=1 resolved=0 open=1 overdue=0 returned=0 onTime=null median=null p90=null");
    assertThat(figures(report, "2021-02-01", "lift-service"))
        .isEqualTo("received=1 resolved=1 open=0 overdue=0 returned=1 onTime=1.0 median=12.0 p90=12.0");
    assertThat(total(report, "water-utility"))
        .isEqualTo("received=2 resolved=2 open=0 overdue=1 returned=0 onTime=0.5 median=9.0 p90=13.0");
    assertThat(total(report, "lift-service"))
        .isEqualTo("received=2 resolved=1 open=1 overdue=0 returned=1 onTime=1.0 median=12.0 p90=12.0");
    assertThat(name(report, "water-utility")).isEqualTo("КП «Дніпроводоканал»");
  }

  @Test
  void monthsAndDaysFollowKyivMidnight() {
    JsonNode months = get("/api/v1/statistics?from=2021-01-01&to=2021-02-28&granularity=month");
    assertThat(starts(months)).containsExactly("2021-01-01", "2021-02-01");
    assertThat(figures(months, "2021-01-01", "ALL"))
        .isEqualTo("received=4 resolved=3 open=1 overdue=1 returned=0 onTime=0.667 median=14.0 p90=60.4");
    assertThat(figures(months, "2021-02-01", "ALL"))
        .isEqualTo("received=1 resolved=1 open=0 overdue=0 returned=1 onTime=1.0 median=12.0 p90=12.0");

    JsonNode days = get("/api/v1/statistics?from=2021-01-03&to=2021-01-04&granularity=day&groupBy=category");
    assertThat(figures(days, "2021-01-03", "WATER")).startsWith("received=1 resolved=0");
    assertThat(figures(days, "2021-01-04", "WATER")).startsWith("received=1 resolved=2");
    assertThat(name(days, "WATER")).isEqualTo("Водопостачання та водовідведення");
  }

  @Test
  void theEfficiencyRankingPutsOnTimeFirstThenFaster() {
    JsonNode ranking = get("/api/v1/statistics/efficiency?from=2021-01-01&to=2021-02-07").get("ranking");

    List<String> order = new ArrayList<>();
    ranking.forEach(entry -> order.add(entry.get("department").asText()));
    assertThat(order).containsExactly("lift-service", "improvement-infrastructure", "water-utility");
    JsonNode water = ranking.get(2);
    assertThat(water.get("rank").asInt()).isEqualTo(3);
    assertThat(water.get("onTimeRate").asDouble()).isEqualTo(0.5);
    assertThat(water.get("overdue").asInt()).isEqualTo(1);
    assertThat(ranking.get(0).get("open").asInt()).isEqualTo(1);
    // the citizens' side: rework and ratings
    assertThat(water.get("reopenedShare").asDouble()).isEqualTo(0.5);
    assertThat(water.get("averageRating").asDouble()).isEqualTo(3.5);
    assertThat(water.get("ratings").asInt()).isEqualTo(2);
    JsonNode roads = ranking.get(1);
    assertThat(roads.get("reopenedShare").asDouble()).isEqualTo(0.0);
    assertThat(roads.get("averageRating").isNull()).as("nobody rated").isTrue();
    assertThat(roads.get("ratings").asInt()).isZero();
  }

  @Test
  void theMapShowsOnlyCellsAndDistrictsWithAtLeastTenComplaintsAtTheCellsCentre() {
    jdbc.update("DELETE FROM cc_complaint_fact WHERE complaint_number LIKE 'MP-%'");
    for (int i = 0; i < 12; i++) {
      projection.registered("MP-A" + i, "WEBSITE", "ROADS", null, "SOBORNYI", Instant.parse("2021-03-10T10:00:00Z"),
          48.4647 + i * 0.0001, 35.0462);
    }
    for (int i = 0; i < 3; i++) {
      projection.registered("MP-B" + i, "WEBSITE", "ROADS", null, "NOVOKODATSKYI", Instant.parse("2021-03-11T10:00:00Z"),
          48.4400, 34.9000);
    }

    JsonNode map = get("/api/v1/map/complaints?month=2021-03");
    assertThat(map.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(map.get("features")).hasSize(1);
    JsonNode cell = map.get("features").get(0);
    assertThat(cell.at("/geometry/coordinates/0").asDouble()).isEqualTo(35.0475);
    assertThat(cell.at("/geometry/coordinates/1").asDouble()).isEqualTo(48.465);
    assertThat(cell.at("/properties/received").asInt()).isEqualTo(12);
    // three more complaints, in Novokodatskyi: a district of three is never shown, and alone with
    // Sobornyi it is not left to be told apart from the city's total either
    JsonNode districts = get("/api/v1/map/districts?month=2021-03");
    assertThat(districts).hasSize(1);
    assertThat(districts.get(0).get("district").asText()).isEqualTo("OTHER");
    assertThat(districts.get(0).get("received").asInt()).isEqualTo(15);
    for (int i = 0; i < 10; i++) {
      projection.registered("MP-C" + i, "WEBSITE", "ROADS", null, "SAMARSKYI", Instant.parse("2021-03-12T10:00:00Z"),
          null, null);
    }
    // with ten in Samarskyi, Sobornyi is shown; Novokodatskyi's three still need company, the smallest shown
    districts = get("/api/v1/map/districts?month=2021-03");
    assertThat(districts).extracting(d -> d.get("district").asText() + "=" + d.get("received").asInt())
        .containsExactly("SOBORNYI=12", "OTHER=13");
    assertThat(districts.get(1).get("name").asText()).startsWith("Інші райони");

    // two of Sobornyi's twelve are merged into the first, reports of the same defect: the map counts defects
    jdbc.update("UPDATE cc_complaint_fact SET merged_into = 'MP-A0' WHERE complaint_number IN ('MP-A10', 'MP-A11')");
    assertThat(get("/api/v1/map/complaints?month=2021-03").at("/features/0/properties/received").asInt()).isEqualTo(10);
    assertThat(get("/api/v1/map/districts?month=2021-03"))
        .extracting(d -> d.get("district").asText() + "=" + d.get("received").asInt())
        .containsExactly("SOBORNYI=10", "OTHER=13");
  }

  @Test
  void complaintsFiledAndResolvedThroughTheProcessAreCounted() {
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Kyiv")).toString();
    long before = received(get("/api/v1/statistics?from=" + today + "&to=" + today + "&groupBy=channel"), "TELEGRAM");
    Response filed = as("telegram-bot").post("/api/v1/complaints", ComplaintFixtures.apiBodyAtAHouseOfItsOwn());
    String number = filed.json().get("number").asText();
    String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("ComplaintProcess")
        .processInstanceBusinessKey(number).singleResult().getId();
    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).singleResult().getId(),
        Variables.putValue("outcome", "RESOLVED").putValue("resolution", "Готово"));
    await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM cc_complaint_fact WHERE complaint_number = ? AND resolved_at IS NOT NULL", Long.class, number) == 1);

    JsonNode report = get("/api/v1/statistics?from=" + today + "&to=" + today + "&groupBy=channel");
    assertThat(received(report, "TELEGRAM")).isEqualTo(before + 1);
    var fact = jdbc.queryForMap("SELECT * FROM cc_complaint_fact WHERE complaint_number = ?", number);
    assertThat(fact).containsEntry("department", "water-utility").containsEntry("sla_tier", "EMERGENCY")
        .containsEntry("resolved_on_time", true).containsEntry("cell_lat", 48.455).containsEntry("cell_lon", 35.0175);
  }

  @Test
  void districtsAreShownPerMonthWithSmallOnesPooledAndTheirTotalsAreTheShownMonthsOnly() {
    jdbc.update("DELETE FROM cc_complaint_fact WHERE complaint_number LIKE 'DS-%'");
    district("DS-A", 14, "SOBORNYI", "2019-05-10T10:00:00Z");
    district("DS-B", 12, "SAMARSKYI", "2019-05-11T10:00:00Z");
    district("DS-C", 3, "CHECHELIVSKYI", "2019-05-12T10:00:00Z");
    district("DS-D", 3, "SOBORNYI", "2019-06-12T10:00:00Z");

    JsonNode report = get("/api/v1/statistics?from=2019-05-01&to=2019-06-30&granularity=month&groupBy=district");

    assertThat(figures(report, "2019-05-01", "SOBORNYI")).startsWith("received=14 ");
    // three in Chechelivskyi are counted, not shown; alone in the pool they could be told apart from
    // the city's total, so the smallest shown district (Samarskyi) joins them
    assertThat(figures(report, "2019-05-01", "CHECHELIVSKYI")).startsWith("no ");
    assertThat(figures(report, "2019-05-01", "SAMARSKYI")).startsWith("no ");
    assertThat(figures(report, "2019-05-01", "OTHER")).startsWith("received=15 ");
    // June: three complaints in the whole city, too few to show by place at all
    assertThat(report.get("buckets")).noneMatch(bucket -> bucket.get("start").asText().equals("2019-06-01")
        && !bucket.get("groups").isEmpty());
    // Sobornyi's total is its shown month only, not the three it had in June
    assertThat(total(report, "SOBORNYI")).startsWith("received=14 ");
    assertThat(total(report, "OTHER")).startsWith("received=15 ");
    assertThat(anonymous().get("/api/v1/statistics?from=2019-05-01&to=2019-05-31&granularity=day&groupBy=district")
        .json().get("errors").get(0).get("rule").asText()).isEqualTo("district-by-month");
  }

  void district(String prefix, int complaints, String district, String received) {
    for (int i = 0; i < complaints; i++) {
      projection.registered(prefix + i, "HOTLINE", "ROADS", null, district, Instant.parse(received), null, null);
    }
  }

  @Test
  void badParametersAreNamed() {
    Response bad = anonymous().get("/api/v1/statistics?from=2021-02-01&to=2021-01-01&granularity=year&groupBy=colour");
    assertThat(bad.status()).isEqualTo(422);
    List<String> rules = new ArrayList<>();
    bad.json().get("errors").forEach(error -> rules.add(error.get("field").asText() + ":" + error.get("rule").asText()));
    assertThat(rules).containsExactlyInAnyOrder("granularity:one-of", "groupBy:one-of", "from:from-before-to");
    assertThat(anonymous().get("/api/v1/statistics?from=yesterday").json().get("errors").get(0).get("rule").asText())
        .isEqualTo("date-format");
  }

  // --- helpers -------------------------------------------------------------------------------

  JsonNode get(String path) {
    Response response = anonymous().get(path);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  static List<String> starts(JsonNode report) {
    List<String> starts = new ArrayList<>();
    report.get("buckets").forEach(bucket -> starts.add(bucket.get("start").asText()));
    return starts;
  }

  static String figures(JsonNode report, String start, String key) {
    for (JsonNode bucket : report.get("buckets")) {
      if (bucket.get("start").asText().equals(start)) {
        for (JsonNode group : bucket.get("groups")) {
          if (group.get("key").asText().equals(key)) {
            return text(group);
          }
        }
      }
    }
    return "no " + key + " in " + start;
  }

  static String total(JsonNode report, String key) {
    for (JsonNode group : report.get("totals")) {
      if (group.get("key").asText().equals(key)) {
        return text(group);
      }
    }
    return "no " + key;
  }

  static String name(JsonNode report, String key) {
    for (JsonNode group : report.get("totals")) {
      if (group.get("key").asText().equals(key)) {
        return group.get("name").asText();
      }
    }
    return null;
  }

  static long received(JsonNode report, String key) {
    for (JsonNode group : report.get("totals")) {
      if (group.get("key").asText().equals(key)) {
        return group.get("received").asLong();
      }
    }
    return 0;
  }

  static String text(JsonNode g) {
    return "received=%s resolved=%s open=%s overdue=%s returned=%s onTime=%s median=%s p90=%s".formatted(
        g.get("received").asText(), g.get("resolved").asText(), g.get("open").asText(), g.get("overdue").asText(),
        g.get("returned").asText(), g.get("onTimeRate").asText(), g.get("medianResolutionHours").asText(),
        g.get("p90ResolutionHours").asText());
  }
}
