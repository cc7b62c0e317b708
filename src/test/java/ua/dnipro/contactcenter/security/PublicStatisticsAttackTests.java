package ua.dnipro.contactcenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * Finding 8, with the production limits (an application of its own: the shared one answers the other
 * tests without cache and rate limit). One 10-year, by-day, by-category request took 7-17 s and
 * 4.3 MB, and eight of them slowed filing tenfold; a district with 3 complaints in a day was shown;
 * subtracting one map answer from another revealed a cell with 2.
 */
@TestPropertySource(properties = {"contact-center.public-statistics.cache-ttl=PT1M",
    "contact-center.public-statistics.requests-per-minute=60",
    // Camunda keeps engines in a static registry by name: "default" belongs to the shared application
    "camunda.bpm.process-engine-name=publicStatisticsLimits"})
class PublicStatisticsAttackTests extends PostgresApplicationTest {

  @Autowired JdbcTemplate jdbc;

  void fact(String number, String department, String district, String receivedDay) {
    jdbc.update("""
        INSERT INTO cc_complaint_fact (complaint_number, channel, category, department, district, received_at,
                                       received_day, received_week, received_month)
        VALUES (?, 'HOTLINE', 'ROADS', ?, ?, ?, ?, ?, ?)""", number, department, district,
        Timestamp.from(Instant.parse(receivedDay + "T09:00:00Z")), Date.valueOf(receivedDay),
        Date.valueOf(java.time.LocalDate.parse(receivedDay).with(java.time.DayOfWeek.MONDAY)),
        Date.valueOf(java.time.LocalDate.parse(receivedDay).withDayOfMonth(1)));
  }

  @Test
  void aRequestForTooManyBucketsIsRefusedBeforeAnythingIsComputed() {
    Response refused = anonymous().get("/api/v1/statistics?from=2016-01-01&to=2025-12-31&granularity=day&groupBy=category");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("from");
    assertThat(refused.json().get("errors").get(0).get("rule").asText()).isEqualTo("max-buckets");
    assertThat(anonymous().get("/api/v1/statistics?from=2016-01-01&to=2025-12-31&granularity=month&groupBy=category")
        .status()).isEqualTo(200);
    // dates the database cannot hold are not asked for either
    Response far = anonymous().get("/api/v1/statistics?from=%2B999999999-01-01&granularity=month");
    assertThat(far.status()).isEqualTo(422);
    assertThat(far.json().get("errors").get(0).get("rule").asText()).isEqualTo("date-range");
    assertThat(anonymous().get("/api/v1/map/complaints?month=-999999999-01").status()).isEqualTo(422);
  }

  @Test
  void oneClientAddressGetsSixtyRequestsAMinuteAndOthersAreNotHeldUp() {
    List<Integer> statuses = new ArrayList<>();
    Response limited = null;
    long started = System.nanoTime();
    for (int i = 0; i < 120 && limited == null; i++) {
      Response response = anonymous().header("X-Forwarded-For", "198.51.100.7").get("/api/v1/map/config");
      statuses.add(response.status());
      limited = response.status() == 429 ? response : null;
    }
    // a token comes back each second: however slow this machine, not more than that got through
    long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + 1;

    assertThat(limited).as("the limit was reached").isNotNull();
    assertThat(statuses.stream().filter(status -> status == 200).count()).isBetween(60L, 60L + seconds);
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
    assertThat(anonymous().header("X-Forwarded-For", "198.51.100.8").get("/api/v1/statistics").status()).isEqualTo(200);
  }

  @Test
  void anAnswerIsComputedOnceAndKeptForAMinute() {
    String path = "/api/v1/statistics?from=2018-04-01&to=2018-04-30&granularity=month&groupBy=channel";
    fact("CA-1", "water-utility", "SOBORNYI", "2018-04-02");
    JsonNode first = anonymous().get(path).json();

    fact("CA-2", "water-utility", "SOBORNYI", "2018-04-03");

    assertThat(anonymous().get(path).json()).isEqualTo(first);
    assertThat(first.get("totals").get(0).get("received").asInt()).isEqualTo(1);
    assertThat(anonymous().get(path.replace("granularity=month", "granularity=week")).json().get("totals").get(0)
        .get("received").asInt()).isEqualTo(2);
  }

  @Test
  void noPlaceWithFewerThanTenComplaintsIsShownNorAnyCodeTheCityDidNotConfigure() {
    for (int i = 0; i < 3; i++) {
      fact("KD-" + i, "+380671234567", "вул. Таємна, 7", "2017-02-0" + (i + 1));
    }
    for (int i = 0; i < 12; i++) {
      fact("KS-" + i, "water-utility", "SOBORNYI", "2017-02-10");
    }

    JsonNode byDepartment = anonymous().get("/api/v1/statistics?from=2017-02-01&to=2017-02-28&granularity=month"
        + "&groupBy=department").json();
    assertThat(byDepartment.toString()).doesNotContain("380671234567");
    assertThat(byDepartment.get("totals")).extracting(g -> g.get("key").asText()).contains("UNKNOWN", "water-utility");
    assertThat(anonymous().get("/api/v1/statistics/efficiency?from=2017-02-01&to=2017-02-28").body())
        .doesNotContain("380671234567", "UNKNOWN");

    JsonNode byDistrict = anonymous().get("/api/v1/statistics?from=2017-02-01&to=2017-02-28&granularity=month"
        + "&groupBy=district").json();
    assertThat(byDistrict.toString()).doesNotContain("Таємна");
    assertThat(byDistrict.get("totals")).extracting(g -> g.get("key").asText() + "=" + g.get("received").asInt())
        .containsExactly("OTHER=15");
    Response byDay = anonymous().get("/api/v1/statistics?from=2017-02-01&to=2017-02-03&granularity=day&groupBy=district");
    assertThat(byDay.status()).isEqualTo(422);
  }

  @Test
  void theMapIsGivenOneWholeMonthAtATimeSoItsAnswersCannotBeSubtracted() {
    Response period = anonymous().get("/api/v1/map/complaints?from=2021-03-01&to=2021-03-09");
    assertThat(period.status()).isEqualTo(422);
    assertThat(period.json().get("errors")).extracting(e -> e.get("field").asText() + ":" + e.get("rule").asText())
        .containsExactly("from:month-only", "to:month-only");
    assertThat(anonymous().get("/api/v1/map/complaints?month=2021-03&category=ROADS").status()).isEqualTo(422);
    assertThat(anonymous().get("/api/v1/map/districts?from=2021-03-01").status()).isEqualTo(422);
    assertThat(anonymous().get("/api/v1/map/complaints?month=2021-03").json().get("month").asText()).isEqualTo("2021-03");
  }

  @Test
  void placesAreShownForWholeMonthsThatHaveEndedOnly() {
    String thisMonth = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Kyiv")).toString();
    Response current = anonymous().get("/api/v1/map/districts?month=" + thisMonth);
    assertThat(current.status()).isEqualTo(422);
    assertThat(current.json().get("errors").get(0).get("rule").asText()).isEqualTo("ended-month");
    assertThat(anonymous().get("/api/v1/map/complaints").json().get("month").asText())
        .isEqualTo(java.time.YearMonth.now(java.time.ZoneId.of("Europe/Kyiv")).minusMonths(1).toString());

    for (int i = 0; i < 12; i++) {
      fact("WM-" + i, "water-utility", "SAMARSKYI", "2016-03-" + (10 + i));
    }
    // one day asked for: the whole month is answered, so no two answers differ by part of a month
    JsonNode oneDay = anonymous().get("/api/v1/statistics?from=2016-03-15&to=2016-03-15&granularity=month"
        + "&groupBy=district").json();
    assertThat(oneDay.get("from").asText()).isEqualTo("2016-03-01");
    assertThat(oneDay.get("to").asText()).isEqualTo("2016-03-31");
    assertThat(oneDay.get("totals")).extracting(g -> g.get("key").asText() + "=" + g.get("received").asInt())
        .containsExactly("SAMARSKYI=12");
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Kyiv")).toString();
    assertThat(anonymous().get("/api/v1/statistics?from=" + today + "&to=" + today + "&granularity=month&groupBy=district")
        .json().get("errors").get(0).get("rule").asText()).isEqualTo("ended-months");
  }
}
