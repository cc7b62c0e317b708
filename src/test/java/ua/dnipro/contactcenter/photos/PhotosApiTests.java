package ua.dnipro.contactcenter.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.organisation.CityGroups;
import ua.dnipro.contactcenter.testing.Accounts;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;
import ua.dnipro.contactcenter.testing.TasklistSession;

/**
 * Photos from both sides: the citizen's through the filing channel, the executors' of the finished
 * work through Tasklist's session; the limits, the sniffing, the stripped copies, and who may see
 * which copy (the department the photos as taken, everybody else without GPS and camera).
 */
class PhotosApiTests extends PostgresApplicationTest {

  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theDepartmentSeesTheCitizensPhotosAsTakenEverybodyElseWithoutGpsAndCamera() {
    String number = file();
    Response uploaded = as("hotline").postFiles(photos(number), "photo",
        files("pipe.jpg", PhotoFixtures.jpegWithGps(), "street.png", PhotoFixtures.pngWithExif()), "image/jpeg");
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    String jpeg = uploaded.json().get(0).get("id").asText();
    assertThat(uploaded.json().get(0).get("mediaType").asText()).isEqualTo("image/jpeg");
    assertThat(uploaded.json().get(1).get("mediaType").asText()).as("told from the bytes, not the declared type")
        .isEqualTo("image/png");
    // the department's task shows them: its form's images load them from the application
    Object slot = taskService.getVariableLocal(departmentTask(number), "photo1");
    assertThat(slot).isEqualTo("http://localhost:" + port + "/inbox/photos/" + jpeg);

    TasklistSession water = session("photo.water", "water-utility");
    HttpResponse<byte[]> asTaken = water.getBytes("/inbox/photos/" + jpeg);
    assertThat(asTaken.statusCode()).isEqualTo(200);
    assertThat(asTaken.body()).as("the department sees where it was taken").isEqualTo(PhotoFixtures.jpegWithGps());
    assertThat(asTaken.headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(asTaken.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(asTaken.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(jdbc.queryForList("SELECT door FROM cc_personal_data_read WHERE reader = 'photo.water' "
        + "AND complaint_number = ?", String.class, number)).containsExactly("tasklist");

    assertThat(session("photo.dispatcher", CityGroups.DISPATCHERS).getBytes("/inbox/photos/" + jpeg).body())
        .as("the dispatchers: without GPS and camera").isEqualTo(PhotoFixtures.plainJpeg());
    TasklistSession admin = TasklistSession.login(port, ua.dnipro.contactcenter.testing.PostgresForTests.ADMIN_USER,
        ua.dnipro.contactcenter.testing.PostgresForTests.ADMIN_PASSWORD);
    assertThat(admin.getBytes("/inbox/photos/" + jpeg).body()).as("an administrator is not the department")
        .isEqualTo(PhotoFixtures.plainJpeg());
    assertThat(session("photo.lift", "lift-service").getBytes("/inbox/photos/" + jpeg).statusCode())
        .as("another department").isEqualTo(403);
    assertThat(anonymous().getBytes("/inbox/photos/" + jpeg).statusCode()).as("not logged in").isEqualTo(401);

    HttpResponse<byte[]> toChannel = as("hotline").getBytes(photos(number) + "/" + jpeg);
    assertThat(toChannel.statusCode()).isEqualTo(200);
    assertThat(new String(toChannel.body(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("Exif").doesNotContain(PhotoFixtures.MODEL);
    assertThat(as("viber-bot").getBytes(photos(number) + "/" + jpeg).statusCode()).as("another channel").isEqualTo(403);
    assertThat(as("viber-bot").get(photos(number)).status()).isEqualTo(403);
    assertThat(anonymous().getBytes(photos(number) + "/" + jpeg).statusCode()).isEqualTo(401);
    assertThat(as("hotline").get("/api/v1/complaints/" + number).body()).as("nothing public names them")
        .doesNotContain(jpeg);
  }

  @Test
  void aRenamedExecutableTooManyOrTooLargeFilesAreRefusedWithTheRuleAndNothingIsKept() {
    String number = file();

    Response executable = as("hotline").postFiles(photos(number), "photo",
        files("photo.jpg", PhotoFixtures.renamedExecutable()), "image/jpeg");
    assertThat(executable.status()).isEqualTo(415);
    assertThat(executable.json().get("detail").asText()).startsWith("photo: JPEG, PNG, WebP or HEIC")
        .contains("photo.jpg");

    byte[] huge = new byte[10 * 1024 * 1024 + 512 * 1024];
    System.arraycopy(PhotoFixtures.plainJpeg(), 0, huge, 0, 3);
    Response tooLarge = as("hotline").postFiles(photos(number), "photo", files("huge.jpg", huge), "image/jpeg");
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().get("detail").asText()).contains("photo: at most 10 MB per photo");

    Map<String, byte[]> six = new LinkedHashMap<>();
    for (int i = 1; i <= 6; i++) {
      six.put("photo-" + i + ".jpg", PhotoFixtures.plainJpeg());
    }
    Response tooMany = as("hotline").postFiles(photos(number), "photo", six, "image/jpeg");
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(tooMany.json().at("/errors/0/field").asText()).isEqualTo("photo");
    assertThat(tooMany.json().at("/errors/0/rule").asText()).isEqualTo("max-count");
    assertThat(as("hotline").postFiles(photos(number), "photo", Map.of(), "image/jpeg").status()).isEqualTo(422);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cc_photo WHERE complaint_number = ?", Integer.class, number))
        .as("all or none").isZero();

    six.remove("photo-6.jpg");
    assertThat(as("hotline").postFiles(photos(number), "photo", six, "image/jpeg").status()).isEqualTo(201);
    Response sixth = as("hotline").postFiles(photos(number), "photo", files("one-more.jpg", PhotoFixtures.plainJpeg()),
        "image/jpeg");
    assertThat(sixth.status()).isEqualTo(422);
    assertThat(sixth.json().at("/errors/0/message").asText()).contains("at most 5 photos per complaint");
  }

  @Test
  void theExecutorsAttachPhotosOfTheFinishedWorkWhichTheFilingChannelShowsTheCitizen() {
    String number = file();
    TasklistSession water = session("work.water", "water-utility");
    String workPhotos = "/inbox/complaints/" + number + "/work-photos";

    assertThat(water.postFiles(workPhotos, "photo", files("done.jpg", PhotoFixtures.jpegWithGps()), false).statusCode())
        .as("without Tasklist's XSRF token").isEqualTo(403);
    assertThat(session("work.lift", "lift-service").postFiles(workPhotos, "photo",
        files("done.jpg", PhotoFixtures.jpegWithGps()), true).statusCode()).as("another department").isEqualTo(403);
    var taken = water.postFiles(workPhotos, "photo", files("done.jpg", PhotoFixtures.jpegWithGps()), true);
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);

    JsonNode listed = as("hotline").get(photos(number)).json();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("kind").asText()).isEqualTo("WORK");
    byte[] shown = as("hotline").getBytes(listed.get(0).get("url").asText()).body();
    assertThat(shown).as("the citizen sees the work, not where the executor's phone was").isEqualTo(PhotoFixtures.plainJpeg());

    taskService.complete(departmentTask(number), Map.of("outcome", "RESOLVED", "resolution", "Засувку замінено"));
    await().atMost(Duration.ofSeconds(60)).until(() -> state(number).status() == ComplaintStatus.RESOLVED);
    assertThat(water.postFiles(workPhotos, "photo", files("late.jpg", PhotoFixtures.plainJpeg()), true).statusCode())
        .as("once resolved").isEqualTo(409);
    Response late = as("hotline").postFiles(photos(number), "photo", files("late.jpg", PhotoFixtures.plainJpeg()),
        "image/jpeg");
    assertThat(late.status()).as("the citizen's, once it is answered").isEqualTo(409);
    assertThat(late.json().get("detail").asText()).contains("re-open it");
  }

  String file() {
    Response response = as("hotline").post("/api/v1/complaints", ComplaintFixtures.apiBodyAtAHouseOfItsOwn());
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("number").asText();
  }

  TasklistSession session(String user, String group) {
    Accounts.person(identityService, user, group);
    TasklistSession session = TasklistSession.login(port, user, Accounts.PASSWORD);
    assertThat(session.loginStatus).isEqualTo(200);
    return session;
  }

  String departmentTask(String number) {
    return taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).singleResult().getId();
  }

  static String photos(String number) {
    return "/api/v1/complaints/" + number + "/photos";
  }

  static Map<String, byte[]> files(Object... namesAndBytes) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < namesAndBytes.length; i += 2) {
      files.put((String) namesAndBytes[i], (byte[]) namesAndBytes[i + 1]);
    }
    return files;
  }
}
