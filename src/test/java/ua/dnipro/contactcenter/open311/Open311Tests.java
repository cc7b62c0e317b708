package ua.dnipro.contactcenter.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;
import ua.dnipro.contactcenter.testing.PostgresForTests;

/**
 * Open311 GeoReport v2 as its clients use it: every answer validates against the specification's
 * JSON Schemas (src/test/resources/open311), carries the same data in XML as in JSON, and a
 * FixMyStreet-style client files and follows a complaint with nothing but the specification.
 */
class Open311Tests extends PostgresApplicationTest {

  static final String BASE = "/open311/v2";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String NAME = "Фотинія";
  static final String SURNAME = "Запорожець-Ліщинська";
  static final String PHONE = "+380631357924";
  static final String HOME = "вул. Гончарна, 17, кв. 91";
  static final String WORDS = "Біля під'їзду б'є фонтан з-під асфальту";
  /** The specification's containers and their repeated elements (not the server's own table). */
  static final Map<String, String> SPEC_ITEMS = Map.of("services", "service", "service_requests", "request",
      "attributes", "attribute", "values", "value", "endpoints", "endpoint", "formats", "format", "errors", "error",
      "service_request_updates", "request_update");

  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;

  @Test
  void discoveryServicesAndDefinitionsFollowTheSpecificationInBothFormats() throws Exception {
    JsonNode discovery = same("/discovery", "discovery.schema.json");
    assertThat(discovery.at("/endpoints/0/url").asText()).endsWith(BASE);
    assertThat(discovery.at("/endpoints/0/formats")).hasSize(2);

    JsonNode services = same("/services", "services.schema.json");
    JsonNode noWater = find(services, "service_code", "WATER-NO_WATER");
    assertThat(noWater.get("service_name").asText()).isEqualTo("Немає води");
    assertThat(noWater.get("group").asText()).isEqualTo("Водопостачання та водовідведення");
    assertThat(noWater.get("metadata").asBoolean()).isTrue();
    assertThat(noWater.get("type").asText()).isEqualTo("realtime");
    assertThat(services.size()).as("one service per issue type").isGreaterThan(19);

    JsonNode definition = same("/services/WATER-NO_WATER", "service-definition.schema.json");
    assertThat(definition.get("attributes")).extracting(attribute -> attribute.get("code").asText())
        .containsExactly("applicant_address", "patronymic", "district");
    assertThat(find(definition.get("attributes"), "code", "district").get("values"))
        .extracting(value -> value.get("key").asText()).contains("CHECHELIVSKYI", "SOBORNYI");

    Response unknown = anonymous().get(BASE + "/services/WATER-NO_GOLD.json");
    assertThat(unknown.status()).isEqualTo(404);
    valid("errors.schema.json", unknown.json());
    Response unknownXml = anonymous().get(BASE + "/services/WATER-NO_GOLD.xml");
    assertThat(unknownXml.status()).isEqualTo(404);
    assertThat(fromXml(unknownXml.body())).isEqualTo(normalised(unknown.json()));
    assertThat(anonymous().get(BASE + "/services.csv").status()).isEqualTo(404);
    assertThat(anonymous().get(BASE + "/services.json?jurisdiction_id=kyiv.ua").status()).isEqualTo(404);
    assertThat(anonymous().get(BASE + "/services.json?jurisdiction_id=dnipro.ua").status()).isEqualTo(200);
  }

  @Test
  void aFixMyStreetStyleClientFilesAndFollowsAComplaintWithNothingButTheSpecification() throws Exception {
    // the public record's times are to the hour: a window from this hour's start holds this hour's changes
    Instant before = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.HOURS);
    // as FixMyStreet posts: XML, form-encoded, the point alone, the name split in two, extra attributes
    Response filed = anonymous().postForm(BASE + "/requests.xml", fixMyStreetFiling("WATER-PIPE_BURST",
        Map.entry("attribute[uprn]", "100023336956"), Map.entry("media_url", "https://example.org/photo.jpg")));
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    JsonNode answer = fromXml(filed.body());
    valid("post-requests.schema.json", answer);
    String id = answer.at("/0/service_request_id").asText();
    assertThat(id).matches("\\d{4}-\\d{6}");
    assertThat(answer.at("/0/service_notice").asText()).contains(id);

    // the same request again (a client's retry without a key of its own) files once
    Response again = anonymous().postForm(BASE + "/requests.json", fixMyStreetFiling("WATER-PIPE_BURST",
        Map.entry("attribute[uprn]", "100023336956"), Map.entry("media_url", "https://example.org/photo.jpg")));
    assertThat(again.json().at("/0/service_request_id").asText()).isEqualTo(id);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");

    // the same process as /api/v1: routed to the water utility with the emergency's six hours
    await().atMost(Duration.ofSeconds(60)).until(() -> state(id).status() == ComplaintStatus.IN_PROGRESS);
    JsonNode one = same("/requests/" + id, "requests.schema.json");
    assertThat(one).hasSize(1);
    assertThat(one.at("/0/status").asText()).isEqualTo("open");
    assertThat(one.at("/0/service_code").asText()).isEqualTo("WATER-PIPE_BURST");
    assertThat(one.at("/0/agency_responsible").asText()).isEqualTo("КП «Дніпроводоканал»");
    assertThat(Instant.parse(one.at("/0/expected_datetime").asText()))
        .isCloseTo(Instant.parse(one.at("/0/requested_datetime").asText()).plus(Duration.ofHours(6)),
            org.assertj.core.api.Assertions.within(1, ChronoUnit.SECONDS));
    assertThat(one.at("/0/lat").isNull()).as("the point's cell holds fewer than ten complaints: not shown").isTrue();
    assertThat(one.at("/0/requested_datetime").asText()).as("to the hour").endsWith(":00:00Z");
    assertThat(state(id).channel()).as("the channel is the api_key's").isEqualTo("WEBSITE");

    // the water utility resolves it; the client follows the updates
    String task = taskService.createTaskQuery().processInstanceBusinessKey(id)
        .taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).singleResult().getId();
    taskService.complete(task, Map.of("outcome", "RESOLVED", "resolution", "Засувку перекрито, трубу замінено"));
    await().atMost(Duration.ofSeconds(60)).until(() -> state(id).status() == ComplaintStatus.RESOLVED);

    String window = "?start_date=" + before + "&end_date=" + Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
    JsonNode updates = same("/servicerequestupdates" , window, "updates.schema.json");
    List<String> statuses = new ArrayList<>();
    updates.forEach(update -> {
      if (update.get("service_request_id").asText().equals(id)) {
        statuses.add(update.get("status").asText());
      }
    });
    assertThat(statuses).startsWith("OPEN", "IN_PROGRESS").endsWith("FIXED");
    assertThat(same("/requests/" + id, "requests.schema.json").at("/0/status").asText()).isEqualTo("closed");
    assertThat(updates.toString()).as("what the executor wrote is the filing channel's, not the public's")
        .doesNotContain("Засувку");
  }

  @Test
  void anAnonymousAppealIsRefusedWithAnOpen311ErrorNamingItsFields() throws Exception {
    List<Map.Entry<String, String>> unsigned = new ArrayList<>(fixMyStreetFiling("ROADS-POTHOLE"));
    unsigned.removeIf(field -> Set.of("first_name", "last_name", "phone").contains(field.getKey()));
    Response refused = anonymous().postForm(BASE + "/requests.json", unsigned);
    assertThat(refused.status()).isEqualTo(400);
    valid("errors.schema.json", refused.json());
    assertThat(refused.json().findValuesAsText("description"))
        .anySatisfy(description -> assertThat(description).startsWith("first_name: "))
        .anySatisfy(description -> assertThat(description).startsWith("last_name: "))
        .anySatisfy(description -> assertThat(description).startsWith("phone: "));
    Response refusedXml = anonymous().postForm(BASE + "/requests.xml", unsigned);
    assertThat(fromXml(refusedXml.body())).isEqualTo(normalised(refused.json()));

    List<Map.Entry<String, String>> noAddress = new ArrayList<>(fixMyStreetFiling("ROADS-POTHOLE"));
    noAddress.removeIf(field -> field.getKey().equals("attribute[applicant_address]"));
    assertThat(anonymous().postForm(BASE + "/requests.json", noAddress).json().at("/0/description").asText())
        .startsWith("attribute[applicant_address]: ");

    List<Map.Entry<String, String>> wrongPlace = new ArrayList<>(fixMyStreetFiling("ROADS-POTHOLE"));
    wrongPlace.removeIf(field -> field.getKey().equals("lat"));
    wrongPlace.add(Map.entry("lat", "north"));
    Response notANumber = anonymous().postForm(BASE + "/requests.json", wrongPlace);
    assertThat(notANumber.status()).isEqualTo(400);
    assertThat(notANumber.json().at("/0/description").asText()).startsWith("lat: ");
    assertThat(anonymous().postForm(BASE + "/requests.json", fixMyStreetFiling("ROADS-GOLDEN_ROAD")).status())
        .as("an unknown service_code").isEqualTo(404);
  }

  @Test
  void onlyAChannelsAccountFilesAndAWrongKeyIsForbidden() {
    List<Map.Entry<String, String>> filing = new ArrayList<>(fixMyStreetFiling("LIGHTING-LAMP_OUT"));
    filing.removeIf(field -> field.getKey().equals("api_key"));
    Response missing = anonymous().postForm(BASE + "/requests.json", filing);
    assertThat(missing.status()).isEqualTo(403);
    valid("errors.schema.json", missing.json());

    filing.add(Map.entry("api_key", "website:not-the-password"));
    assertThat(anonymous().postForm(BASE + "/requests.json", filing).status()).isEqualTo(403);
    List<Map.Entry<String, String>> keyless = new ArrayList<>(filing);
    keyless.removeIf(field -> field.getKey().equals("api_key"));
    Response inTheAddress = anonymous().postForm(BASE + "/requests.json?api_key=website:" + CHANNEL_PASSWORD, keyless);
    assertThat(inTheAddress.status()).as("a key in the address would end up in proxies' logs").isEqualTo(400);
    assertThat(anonymous().postForm(BASE + "/requests.json", List.of(Map.entry("api_key", "web\r\nsite:x"),
        Map.entry("service_code", "ROADS-POTHOLE"))).status()).as("no account has such a name").isEqualTo(403);

    filing.removeIf(field -> field.getKey().equals("api_key"));
    filing.add(Map.entry("api_key", PostgresForTests.ADMIN_USER + ":" + PostgresForTests.ADMIN_PASSWORD));
    Response administrator = anonymous().postForm(BASE + "/requests.json", filing);
    assertThat(administrator.status()).as("an administrator is not a channel").isEqualTo(403);
    assertThat(administrator.json().at("/0/description").asText()).contains("not a channel");
  }

  @Test
  void thePublicListShowsNoPersonalDataAndItsParametersFollowTheSpecification() throws Exception {
    Response filed = anonymous().postForm(BASE + "/requests.json", fixMyStreetFiling("LIGHTING-LAMP_OUT",
        Map.entry("address_string", "вул. Гончарна, 17"), Map.entry("attribute[patronymic]", "Юхимівна")));
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String id = filed.json().at("/0/service_request_id").asText();
    await().atMost(Duration.ofSeconds(60)).until(() -> state(id).status() == ComplaintStatus.IN_PROGRESS);

    String window = "?start_date=" + Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS)
        + "&end_date=" + Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
    List<String> answers = new ArrayList<>();
    for (String path : List.of("/requests.json", "/requests.xml", "/requests/" + id + ".json", "/requests/" + id + ".xml",
        "/requests.json" + window + "&status=open&service_code=LIGHTING-LAMP_OUT",
        "/servicerequestupdates.json" + window, "/servicerequestupdates.xml" + window)) {
      Response answer = anonymous().get(BASE + path);
      assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
      answers.add(answer.body());
    }
    assertThat(String.join("\n", answers)).contains(id)
        .doesNotContain(NAME).doesNotContain(SURNAME).doesNotContain("Юхимівна").doesNotContain(PHONE)
        .doesNotContain(PHONE.substring(4)).doesNotContain("Гончарна").doesNotContain("фонтан")
        .doesNotContain("48.6123").doesNotContain("35.2123");

    JsonNode open = same("/requests", window + "&status=open", "requests.schema.json");
    assertThat(open.findValuesAsText("service_request_id")).contains(id);
    assertThat(same("/requests", window + "&status=closed", "requests.schema.json").findValuesAsText("service_request_id"))
        .doesNotContain(id);
    assertThat(same("/requests", window + "&service_code=WATER-NO_WATER", "requests.schema.json")
        .findValuesAsText("service_request_id")).doesNotContain(id);
    assertThat(same("/requests", window + "&page_size=1", "requests.schema.json")).hasSize(1);
    assertThat(same("/requests", "?service_request_id=" + id + ",2099-000001", "requests.schema.json")).hasSize(1);

    for (String bad : List.of("?start_date=yesterday", "?status=lost", "?page_size=0", "?page_size=5000",
        "?start_date=2026-01-01T00:00:00Z&end_date=2026-12-31T00:00:00Z")) {
      Response refused = anonymous().get(BASE + "/requests.json" + bad);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      valid("errors.schema.json", refused.json());
    }
    assertThat(anonymous().get(BASE + "/requests/2099-000001.json").status()).isEqualTo(404);
    assertThat(anonymous().get(BASE + "/tokens/abc.json").status()).isEqualTo(404);
    assertThat(anonymous().get(BASE + "/servicerequestupdates.json?start_date=2026-01-01T00:00:00Z").status())
        .as("both dates or neither").isEqualTo(400);
  }

  @Test
  void aComplaintsPlaceIsItsMapCellWhereTheRecordHoldsTenComplaints() throws Exception {
    String last = null;
    for (int i = 0; i < 10; i++) {
      List<Map.Entry<String, String>> filing = new ArrayList<>(fixMyStreetFiling("ROADS-POTHOLE"));
      filing.removeIf(field -> Set.of("lat", "long", "phone").contains(field.getKey()));
      filing.addAll(List.of(Map.entry("lat", "48.4051"), Map.entry("long", "34.9071"),
          Map.entry("phone", "+38066" + (4_000_000 + i * 7_919))));
      Response filed = anonymous().postForm(BASE + "/requests.json", filing);
      assertThat(filed.status()).as(filed.body()).isEqualTo(201);
      last = filed.json().at("/0/service_request_id").asText();
    }
    JsonNode shown = same("/requests/" + last, "requests.schema.json").get(0);
    assertThat(shown.get("lat").asDouble()).isEqualTo(48.405);
    assertThat(shown.get("long").asDouble()).isEqualTo(34.9125);
    assertThat(shown.toString()).doesNotContain("48.4051").doesNotContain("34.9071");
  }

  @Test
  void aDispatcherPublishesWhatThePublicReadsOfAComplaintInWords() throws Exception {
    Response filed = anonymous().postForm(BASE + "/requests.json", fixMyStreetFiling("GREEN-DANGEROUS_TREE"));
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String id = filed.json().at("/0/service_request_id").asText();
    assertThat(same("/requests/" + id, "requests.schema.json").at("/0/description").isNull())
        .as("nothing the citizen wrote, until a reviewer publishes words for the public").isTrue();

    var dispatcher = as(ua.dnipro.contactcenter.testing.Accounts.person(identityService, "open311.reviewer",
        ua.dnipro.contactcenter.organisation.CityGroups.DISPATCHERS), ua.dnipro.contactcenter.testing.Accounts.PASSWORD);
    String words = "Аварійне дерево нахилилося над тротуаром, \"ризик падіння\"";
    Response published = dispatcher.put("/api/v1/complaints/" + id + "/public-description", Map.of("description", words));
    assertThat(published.status()).as(published.body()).isEqualTo(200);
    assertThat(published.json().get("publishedBy").asText()).isEqualTo("open311.reviewer");
    assertThat(same("/requests/" + id, "requests.schema.json").at("/0/description").asText()).isEqualTo(words);
    assertThat(dispatcher.get("/api/v1/complaints/" + id + "/public-description").json().get("description").asText())
        .isEqualTo(words);

    assertThat(as("website").put("/api/v1/complaints/" + id + "/public-description", Map.of("description", "x"))
        .status()).as("a channel does not publish").isEqualTo(403);
    Response empty = dispatcher.put("/api/v1/complaints/" + id + "/public-description", Map.of("description", " "));
    assertThat(empty.status()).isEqualTo(422);
    assertThat(empty.body()).contains("\"field\":\"description\"");
    assertThat(dispatcher.put("/api/v1/complaints/" + id + "/public-description",
        Map.of("description", "д".repeat(4001))).status()).isEqualTo(422);
    assertThat(dispatcher.put("/api/v1/complaints/2099-000001/public-description", Map.of("description", "x"))
        .status()).isEqualTo(404);

    assertThat(dispatcher.delete("/api/v1/complaints/" + id + "/public-description").status()).isEqualTo(204);
    assertThat(same("/requests/" + id, "requests.schema.json").at("/0/description").isNull()).isTrue();
    assertThat(dispatcher.get("/api/v1/complaints/" + id + "/public-description").status()).isEqualTo(404);
  }

  @Test
  void theSchemasRefuseWhatTheSpecificationRefuses() throws Exception {
    assertThat(broken("services.schema.json", "{\"service_code\":\"A\"}")).as("not an array").isNotEmpty();
    assertThat(broken("services.schema.json", "[{\"service_code\":\"A\",\"service_name\":\"a\",\"description\":null,"
        + "\"metadata\":\"true\",\"type\":\"realtime\",\"keywords\":null,\"group\":null}]"))
        .as("metadata as text").isNotEmpty();
    String request = "{\"service_request_id\":\"1\",\"status\":\"open\",\"status_notes\":null,\"service_name\":null,"
        + "\"service_code\":\"A-B\",\"description\":null,\"agency_responsible\":null,\"service_notice\":null,"
        + "\"requested_datetime\":\"%s\",\"updated_datetime\":null,\"expected_datetime\":null,\"address\":null,"
        + "\"address_id\":null,\"zipcode\":null,\"lat\":null,\"long\":null,\"media_url\":null}";
    assertThat(broken("requests.schema.json", "[" + request.formatted("2026-11-29T10:00:00Z") + "]")).isEmpty();
    assertThat(broken("requests.schema.json", "[" + request.formatted("2026-11-29T10:00:00.123Z") + "]"))
        .as("fractions").isNotEmpty();
    assertThat(broken("requests.schema.json", "[" + request.formatted("2026-11-29T10:00:00") + "]"))
        .as("no zone").isNotEmpty();
    assertThat(broken("post-requests.schema.json", "[{\"token\":\"12\"}]")).isNotEmpty();
    assertThat(broken("errors.schema.json", "[]")).isNotEmpty();
  }

  static Set<ValidationMessage> broken(String schema, String json) throws Exception {
    try (InputStream in = Open311Tests.class.getResourceAsStream("/open311/" + schema)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in).validate(JSON.readTree(json));
    }
  }

  // --- helpers --------------------------------------------------------------------------------

  /** A filing as FixMyStreet sends it, with the attributes the Law asks for. */
  @SafeVarargs
  static List<Map.Entry<String, String>> fixMyStreetFiling(String serviceCode, Map.Entry<String, String>... more) {
    List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(
        Map.entry("api_key", "website:" + CHANNEL_PASSWORD),
        Map.entry("jurisdiction_id", "dnipro.ua"),
        Map.entry("service_code", serviceCode),
        // a point of this class's own: the cell holds only the few complaints these tests file there
        Map.entry("lat", "48.6123"), Map.entry("long", "35.2123"),
        Map.entry("first_name", NAME), Map.entry("last_name", SURNAME),
        Map.entry("email", "f.zaporozhets@example.org"), Map.entry("phone", PHONE),
        Map.entry("description", WORDS + "\n\nSubmitted via FixMyStreet"),
        Map.entry("attribute[applicant_address]", HOME)));
    fields.addAll(List.of(more));
    return fields;
  }

  /** The resource in JSON and in XML: the same data, valid against the schema; the JSON. */
  JsonNode same(String resource, String schema) throws Exception {
    return same(resource, "", schema);
  }

  JsonNode same(String resource, String query, String schema) throws Exception {
    Response json = anonymous().get(BASE + resource + ".json" + query);
    assertThat(json.status()).as(resource + " " + json.body()).isEqualTo(200);
    assertThat(json.header("Content-Type")).startsWith("application/json");
    Response xml = anonymous().get(BASE + resource + ".xml" + query);
    assertThat(xml.status()).as(resource + " " + xml.body()).isEqualTo(200);
    assertThat(xml.header("Content-Type")).startsWith("text/xml");
    assertThat(xml.body()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    valid(schema, json.json());
    assertThat(fromXml(xml.body())).as("XML and JSON carry the same data").isEqualTo(normalised(json.json()));
    return json.json();
  }

  static void valid(String schema, JsonNode answer) {
    try (InputStream in = Open311Tests.class.getResourceAsStream("/open311/" + schema)) {
      JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
      Set<ValidationMessage> broken = validator.validate(answer);
      assertThat(broken).as(schema + ": " + answer).isEmpty();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode find(JsonNode list, String field, String value) {
    for (JsonNode item : list) {
      if (item.path(field).asText().equals(value)) {
        return item;
      }
    }
    throw new AssertionError("no " + field + " = " + value + " in " + list);
  }

  /**
   * XML as JSON by the specification's convention (the root dropped; a container of repeated
   * elements an array; an empty element null), every value as text, to compare with the JSON.
   */
  static JsonNode fromXml(String xml) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element root = factory.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    return converted(root);
  }

  private static JsonNode converted(Element element) {
    List<Element> children = new ArrayList<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element inner) {
        children.add(inner);
      }
    }
    if (SPEC_ITEMS.containsKey(element.getTagName())) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      children.forEach(child -> {
        assertThat(child.getTagName()).as("the item of <" + element.getTagName() + ">")
            .isEqualTo(SPEC_ITEMS.get(element.getTagName()));
        array.add(converted(child));
      });
      return array;
    }
    if (children.isEmpty()) {
      String text = element.getTextContent();
      return text.isEmpty() ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode(text);
    }
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    children.forEach(child -> object.set(child.getTagName(), converted(child)));
    return object;
  }

  /** JSON with every value as text (numbers without trailing zeros), as XML carries them. */
  static JsonNode normalised(JsonNode json) {
    if (json.isArray()) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      json.forEach(item -> array.add(normalised(item)));
      return array;
    }
    if (json.isObject()) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      json.fields().forEachRemaining(field -> object.set(field.getKey(), normalised(field.getValue())));
      return object;
    }
    if (json.isNull()) {
      return json;
    }
    if (json.isNumber()) {
      return JsonNodeFactory.instance.textNode(new BigDecimal(json.asText()).stripTrailingZeros().toPlainString());
    }
    return json.asText().isEmpty() ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode(json.asText());
  }
}
