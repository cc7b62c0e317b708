package ua.dnipro.contactcenter.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * Complaints full of personal data go in; then every public response — statistics in every
 * granularity and grouping, the efficiency ranking, the map and districts, the map's settings, the
 * dashboard's files, and the public API description — is scanned for any of it.
 */
class PublicDataPrivacyTests extends PostgresApplicationTest {

  static final String FIRST_NAME = "Приватина";
  static final String LAST_NAME = "Секретенко";
  static final String PATRONYMIC = "Потаємнівна";
  static final String PHONE_DIGITS = "0639876543";
  static final String EMAIL = "pryvatyna.sekretenko@example.org";
  static final String HOME = "вул. Конфіденційна, 17, кв. 42";
  static final String PROBLEM_ADDRESS = "просп. Таємний, 99";
  static final String DESCRIPTION = "Мій сусід Петро з квартири 41 знову";
  static final double LATITUDE = 48.47123;
  static final double LONGITUDE = 35.04321;

  @Test
  void noPublicResponseCarriesPersonalDataFreeTextOrExactPlaces() {
    for (int i = 0; i < 12; i++) {
      Map<String, Object> body = ComplaintFixtures.apiBody();
      ComplaintFixtures.part(body, "applicant").putAll(Map.of("firstName", FIRST_NAME, "lastName", LAST_NAME,
          "patronymic", PATRONYMIC, "phone", PHONE_DIGITS, "email", EMAIL, "address", HOME));
      body.put("description", DESCRIPTION + " " + i);
      ComplaintFixtures.part(body, "location").putAll(Map.of("address", PROBLEM_ADDRESS, "district", "TSENTRALNYI",
          "lat", LATITUDE, "lon", LONGITUDE));
      Response filed = as("mobile-app").post("/api/v1/complaints", body);
      assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    }

    List<String> publicPaths = new ArrayList<>();
    for (String granularity : List.of("day", "week", "month")) {
      for (String groupBy : List.of("none", "category", "department", "district", "channel")) {
        if (!groupBy.equals("district") || granularity.equals("month")) {
          publicPaths.add("/api/v1/statistics?granularity=" + granularity + "&groupBy=" + groupBy);
        }
      }
    }
    publicPaths.addAll(List.of("/api/v1/statistics/efficiency", "/api/v1/map/complaints", "/api/v1/map/districts",
        "/api/v1/map/config", "/dashboard/index.html", "/dashboard/dashboard.js", "/dashboard/dashboard.css",
        "/api/openapi.json"));
    publicPaths.addAll(List.of("/api/v1/open-data/complaints.csv", "/api/v1/open-data/complaints.json",
        "/api/v1/open-data/classifier.csv", "/api/v1/open-data/classifier.json"));
    // Open311's public side, in both formats (see Open311Tests for each resource's own checks)
    for (String format : List.of("json", "xml")) {
      publicPaths.addAll(List.of("/open311/v2/discovery." + format, "/open311/v2/services." + format,
          "/open311/v2/services/WATER-NO_WATER." + format, "/open311/v2/requests." + format,
          "/open311/v2/requests." + format + "?status=open&service_code=WATER-NO_WATER",
          "/open311/v2/servicerequestupdates." + format));
    }

    for (String path : publicPaths) {
      Response response = anonymous().get(path);
      assertThat(response.status()).as(path).isEqualTo(200);
      assertThat(response.body()).as(path).doesNotContain(FIRST_NAME, LAST_NAME, PATRONYMIC, "639876543", EMAIL,
          "Конфіденційна", "Таємний", "сусід", String.valueOf(LATITUDE), String.valueOf(LONGITUDE));
    }
    // the 12 complaints do count, without any of their personal data
    assertThat(anonymous().get("/api/v1/statistics?groupBy=channel").body()).contains("MOBILE_APP");
    // and no place with fewer than 10 complaints is named
    anonymous().get("/api/v1/map/districts").json().forEach(district -> {
      if (!district.get("district").asText().equals("OTHER")) {
        assertThat(district.get("received").asInt()).isGreaterThanOrEqualTo(10);
        assertThat(district.get("resolved").asInt()).satisfiesAnyOf(r -> assertThat(r).isZero(),
            r -> assertThat(r).isGreaterThanOrEqualTo(10));
      }
    });
  }
}
