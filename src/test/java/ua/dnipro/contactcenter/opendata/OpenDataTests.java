package ua.dnipro.contactcenter.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/** The open data: complaints and the classifier as well-formed CSV and as JSON, public and without personal data. */
class OpenDataTests extends PostgresApplicationTest {

  static final String SURNAME = "Відкритоданенко";
  static final String WORDS = "Прохання не публікувати: сусід, квартира 13";

  @Test
  void everyComplaintIsARowOfCodesTimesAndItsMapCellInCsvAndJson() {
    List<String> numbers = new ArrayList<>();
    // ten complaints in one cell (48.5501, 35.1201: the cell centred on 48.555, 35.1225) and one alone in its own
    for (int i = 0; i < 11; i++) {
      Map<String, Object> body = ComplaintFixtures.apiBodyAtAHouseOfItsOwn();
      body.put("category", i == 0 ? "WATER" : "ROADS");
      body.put("issueType", i == 0 ? "NO_WATER" : "POTHOLE");
      body.put("description", WORDS);
      ComplaintFixtures.part(body, "applicant").put("lastName", SURNAME);
      ComplaintFixtures.part(body, "applicant").put("phone", "+38050" + (7_000_000 + i * 1_371));
      ComplaintFixtures.part(body, "location").putAll(i < 10 ? Map.of("lat", 48.5501, "lon", 35.1201)
          : Map.of("lat", 48.3011, "lon", 34.8011));
      Response filed = as("hotline").post("/api/v1/complaints", body);
      assertThat(filed.status()).as(filed.body()).isEqualTo(201);
      numbers.add(filed.json().get("number").asText());
    }
    String today = LocalDate.now(ZoneId.of("Europe/Kyiv")).toString();

    Response csv = anonymous().get("/api/v1/open-data/complaints.csv?from=" + today + "&to=" + today);
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    List<List<String>> rows = parse(csv.body());
    assertThat(rows.get(0)).containsExactly(OpenData.COLUMNS);
    assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row).hasSize(OpenData.COLUMNS.length));
    List<String> water = rows.stream().filter(row -> row.get(0).equals(numbers.get(0))).findFirst().orElseThrow();
    assertThat(water.subList(2, 6)).containsExactly("WATER", "NO_WATER", "water-utility", "EMERGENCY");
    assertThat(water.get(9)).isIn("in_progress", "registered");
    assertThat(water.get(11)).isEqualTo("HOTLINE");
    assertThat(water.subList(12, 14)).as("the map cell's centre, not the point").containsExactly("48.555", "35.1225");
    assertThat(water.get(1)).as("to the hour: the minute of a call must not point at the caller").endsWith(":00:00Z");
    assertThat(water.get(6)).endsWith(":00:00Z");
    List<String> alone = rows.stream().filter(row -> row.get(0).equals(numbers.get(10))).findFirst().orElseThrow();
    assertThat(alone.subList(12, 14)).as("a cell with fewer than ten complaints is not shown").containsExactly("", "");
    assertThat(csv.body()).doesNotContain("48.5501").doesNotContain("48.3011").doesNotContain("34.8");

    Response json = anonymous().get("/api/v1/open-data/complaints.json?from=" + today + "&to=" + today);
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.json()).hasSize(rows.size() - 1);
    JsonNode first = json.json().get(rows.indexOf(water) - 1);
    assertThat(first.get("number").asText()).isEqualTo(numbers.get(0));
    for (int i = 0; i < OpenData.COLUMNS.length; i++) {
      JsonNode value = first.get(OpenData.COLUMNS[i]);
      assertThat(value.isNull() ? "" : value.asText()).as(OpenData.COLUMNS[i]).isEqualTo(water.get(i));
    }

    assertThat(anonymous().get("/api/v1/open-data/complaints.csv?from=" + LocalDate.parse(today).plusDays(1)).status())
        .as("from after the default last day").isEqualTo(422);
    Response refused = anonymous().get("/api/v1/open-data/complaints.csv?from=yesterday");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("\"field\":\"from\"").contains("iso-date");
  }

  @Test
  void theClassifierIsATableOfWhereEachIssueTypeGoesAndHowSoon() {
    Response csv = anonymous().get("/api/v1/open-data/classifier.csv");
    assertThat(csv.status()).isEqualTo(200);
    List<List<String>> rows = parse(csv.body());
    assertThat(rows.get(0)).containsExactly(OpenDataController.CLASSIFIER_COLUMNS);
    assertThat(rows).anySatisfy(row -> assertThat(row.subList(1, 9)).containsExactly("WATER",
        "Водопостачання та водовідведення", "NO_WATER", "Немає води", "water-utility", "КП «Дніпроводоканал»",
        "EMERGENCY", "PT6H"));
    Response json = anonymous().get("/api/v1/open-data/classifier.json");
    assertThat(json.json()).hasSize(rows.size() - 1);
    assertThat(json.json().get(0).get("routing_table_version").asInt()).isPositive();
  }

  @Test
  void bothPartsArePublishedInTheOpenApiContract() {
    JsonNode paths = anonymous().get("/api/openapi.json").json().get("paths");
    assertThat(paths.has("/api/v1/open-data/complaints.csv")).isTrue();
    assertThat(paths.has("/api/v1/open-data/classifier.json")).isTrue();
    assertThat(paths.has("/open311/v2/requests.{format}")).isTrue();
    assertThat(paths.get("/open311/v2/requests.{format}").has("post")).isTrue();
    assertThat(paths.has("/open311/v2/servicerequestupdates.{format}")).isTrue();
  }

  @Test
  void fieldsWithCommasQuotesAndLineBreaksStayWellFormed() throws IOException {
    StringWriter out = new StringWriter();
    Csv csv = new Csv(out);
    List<String> tricky = List.of("plain", "a, b", "he said \"no\"", "two\nlines", "crlf\r\nend", "", "«Дніпро»");
    csv.record(tricky.toArray());
    csv.record("x", null, 3);
    List<List<String>> parsed = parse(out.toString());
    assertThat(parsed.get(0)).containsExactlyElementsOf(tricky);
    assertThat(parsed.get(1)).containsExactly("x", "", "3");
    assertThat(out.toString()).endsWith("\r\n");
  }

  /** A strict RFC 4180 reader: a quote inside an unquoted field, or text after a closing quote, fails. */
  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    boolean quoted = false;
    boolean wasQuoted = false;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i += 2;
            continue;
          }
          quoted = false;
          wasQuoted = true;
        } else {
          field.append(c);
        }
        i++;
        continue;
      }
      if (c == '"') {
        if (field.length() > 0 || wasQuoted) {
          throw new AssertionError("a quote inside an unquoted field at " + i);
        }
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        record.add(field.toString());
        records.add(record);
        record = new ArrayList<>();
        field.setLength(0);
        wasQuoted = false;
        i++;
      } else if (c == '\n' || c == '\r') {
        throw new AssertionError("a bare line break outside quotes at " + i);
      } else {
        if (wasQuoted) {
          throw new AssertionError("text after a closing quote at " + i);
        }
        field.append(c);
      }
      i++;
    }
    if (quoted) {
      throw new AssertionError("an unclosed quote");
    }
    if (field.length() > 0 || !record.isEmpty()) {
      throw new AssertionError("the last record does not end with CRLF");
    }
    return records;
  }
}
