package ua.dnipro.contactcenter.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.organisation.CityGroups;
import ua.dnipro.contactcenter.complaint.CitizenNotification;
import ua.dnipro.contactcenter.testing.Accounts;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * One defect, many reports, on PostgreSQL with real coordinates in Dnipro: reports of a burst main
 * from four channels, the likely duplicates each channel sees, the executor's merges, a dispatcher's
 * undo, the resolution told to every merged applicant through their own channel, and the
 * statistics counting reports and defects.
 */
class DuplicatesPostgresTests extends PostgresApplicationTest {

  // a burst main on a street nobody else's test uses
  static final String STREET = "вул. Верхня Набережна, ";
  static final double LAT = 48.47215;
  static final double LON = 35.05290;

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.FormService formService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void reportsOfOneBurstMainAreMergedIntoOneDefectWhoseResolutionEveryApplicantHears() {
    String today = LocalDate.now(ZoneId.of("Europe/Kyiv")).toString();
    JsonNode before = statistics(today);

    String first = file("hotline", STREET + "12", LAT, LON);
    String viber = file("viber-bot", STREET + "14", LAT + 0.00020, LON + 0.00015);        // 25 m
    String telegram = file("telegram-bot", STREET + "10", LAT - 0.00015, LON - 0.00020);  // 23 m
    String app = file("mobile-app", STREET + "12", null, null);                            // same address, no GPS
    String farAway = file("website", STREET + "60", LAT + 0.00400, LON + 0.00300);        // 500 m

    JsonNode seenByViber = as("viber-bot").get("/api/v1/complaints/" + viber).json();
    assertThat(seenByViber.at("/likelyDuplicates/0/number").asText()).isEqualTo(first);
    assertThat(seenByViber.at("/likelyDuplicates/0").has("distanceMetres")).as("no distances to channels").isFalse();
    assertThat(as("hotline").get("/api/v1/complaints/" + viber).json().has("likelyDuplicates"))
        .as("the filing channel's only").isFalse();
    assertThat(formService.getTaskFormVariables(departmentTask(viber)).get("likelyDuplicatesText").toString())
        .as("the department sees how near: 25 m").startsWith(first + " (25 м");
    assertThat(seenByViber.at("/likelyDuplicates/0/status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(as("telegram-bot").get("/api/v1/complaints/" + telegram).json().at("/likelyDuplicates")
        .findValuesAsText("number")).containsExactly(first, viber);
    assertThat(as("mobile-app").get("/api/v1/complaints/" + app).json().at("/likelyDuplicates")
        .findValuesAsText("number")).contains(first);
    assertThat(as("website").get("/api/v1/complaints/" + farAway).json().at("/likelyDuplicates")).isEmpty();
    assertThat(as("viber-bot").get("/api/v1/complaints/" + viber).body()).as("nothing of the other applicant")
        .doesNotContain(STREET + "12");

    // the water utility's executor merges three reports into the first; the form shows the candidates
    assertThat(formService.getTaskFormVariables(departmentTask(viber)).get("likelyDuplicatesText").toString()).startsWith(first);
    for (String report : List.of(viber, telegram, app)) {
      taskService.complete(departmentTask(report), Map.of("outcome", "DUPLICATE", "duplicateOf", first));
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> List.of(viber, telegram, app).stream()
        .allMatch(report -> state(report).status() == ComplaintStatus.MERGED));
    assertThat(as("telegram-bot").get("/api/v1/complaints/" + telegram).json().at("/mergedInto/number").asText())
        .isEqualTo(first);

    // the dispatchers see the app's report was a different pipe after all
    String dispatcher = Accounts.person(identityService, "dispatcher.dup", CityGroups.DISPATCHERS);
    assertThat(as(dispatcher, Accounts.PASSWORD).delete("/api/v1/complaints/" + app + "/merge").status()).isEqualTo(204);
    assertThat(state(app).status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
    assertThat(as(dispatcher, Accounts.PASSWORD).delete("/api/v1/complaints/" + app + "/merge").status()).isEqualTo(409);
    assertThat(as("hotline").delete("/api/v1/complaints/" + telegram + "/merge").status()).as("a channel").isEqualTo(403);

    taskService.complete(departmentTask(first), Map.of("outcome", "RESOLVED",
        "resolution", "Аварію на водогоні усунуто, воду подано о 16:00"));

    await().atMost(Duration.ofSeconds(60)).until(() -> state(viber).status() == ComplaintStatus.RESOLVED
        && state(telegram).status() == ComplaintStatus.RESOLVED);
    assertThat(state(viber).resolution()).contains("вирішено разом зі зверненням " + first)
        .doesNotContain("16:00");
    assertThat(state(app).status()).as("no longer follows it").isEqualTo(ComplaintStatus.IN_PROGRESS);
    // every merged applicant hears it through their own channel, and may confirm or re-open for themselves
    assertThat(resolvedNotification(viber)).containsEntry(CitizenNotification.Payload.CHANNEL, "VIBER")
        .containsEntry(CitizenNotification.Payload.RESOLUTION, state(viber).resolution());
    assertThat(resolvedNotification(telegram)).containsEntry(CitizenNotification.Payload.CHANNEL, "TELEGRAM");
    assertThat(resolvedNotification(first)).containsEntry(CitizenNotification.Payload.CHANNEL, "HOTLINE");
    assertThat(as("telegram-bot").post("/api/v1/complaints/" + telegram + "/confirmation", Map.of("rating", 5)).status())
        .isEqualTo(202);

    // reports and defects: five reports, three defects (the first, the app's and the far one)
    JsonNode after = statistics(today);
    assertThat(after.at("/totals/0/received").asLong() - before.at("/totals/0/received").asLong()).isEqualTo(5);
    assertThat(after.at("/totals/0/defects").asLong() - before.at("/totals/0/defects").asLong()).isEqualTo(3);
    assertThat(jdbc.queryForList("SELECT complaint_number FROM cc_complaint_fact WHERE merged_into = ?", String.class,
        first)).containsExactlyInAnyOrder(viber, telegram);
  }

  JsonNode statistics(String day) {
    Response response = anonymous().get("/api/v1/statistics?from=" + day + "&to=" + day);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  /**
   * The 201's body is made in the filing's transaction, mostly of what that transaction wrote and
   * remembers (WrittenInThisTransaction): it must be what the channel reads from the database after.
   */
  @Test
  void theAnswerToAFilingIsWhatItsChannelReadsRightAfter() {
    String street = "вул. Старокозацька, ";
    String hotline = file("hotline", street + "3", 48.46310, 35.04720);
    String withoutGps = file("website", street + "3", null, null);
    String viber = file("viber-bot", street + "5", 48.46330, 35.04740);

    Response filed = filing("mobile-app", street + "3", 48.46312, 35.04722);

    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    JsonNode answer = filed.json();
    assertThat(answer.at("/likelyDuplicates").findValuesAsText("number")).as("the nearest first, no distance last")
        .containsExactly(hotline, viber, withoutGps);
    assertThat(answer.at("/history").size()).isPositive();
    assertThat(answer.at("/applicant/phone").asText()).startsWith("+38050");
    assertThat(answer).isEqualTo(as("mobile-app").get("/api/v1/complaints/" + answer.get("number").asText()).json());
  }

  String file(String account, String address, Double lat, Double lon) {
    Response response = filing(account, address, lat, lon);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("number").asText();
  }

  Response filing(String account, String address, Double lat, Double lon) {
    Map<String, Object> body = ComplaintFixtures.apiBody();
    body.put("issueType", "PIPE_BURST");
    Map<String, Object> location = ComplaintFixtures.part(body, "location");
    location.put("address", address);
    location.remove("lat");
    location.remove("lon");
    if (lat != null) {
      location.put("lat", lat);
      location.put("lon", lon);
    }
    // each applicant their own: the same person at the same place would be a repeated appeal
    ComplaintFixtures.part(body, "applicant").put("phone", "+38050" + (1_000_000 + (int) (Math.random() * 8_999_999)));
    return as(account).post("/api/v1/complaints", body);
  }

  String departmentTask(String number) {
    return taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).singleResult().getId();
  }

  Map<String, Object> resolvedNotification(String number) {
    for (ProcessInstance notification : runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CitizenNotification.KEY).processInstanceBusinessKey(number).list()) {
      Map<String, Object> variables = runtimeService.getVariables(notification.getId());
      if ("RESOLVED".equals(variables.get(CitizenNotification.Payload.EVENT))) {
        return variables;
      }
    }
    throw new AssertionError("no RESOLVED notification waits for " + number);
  }
}
