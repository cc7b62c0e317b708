package ua.dnipro.contactcenter.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.intake.ComplaintFiling;
import ua.dnipro.contactcenter.intake.ComplaintFiling.FiledComplaint;
import ua.dnipro.contactcenter.testing.Accounts;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HeadlessChromium;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * A water-utility executor's day in Tasklist, in a real (headless) Chromium: logs in, sees only the
 * water complaint among several departments' complaints, opens it, completes its form, and the
 * complaint is resolved. Screenshots of each step go to target/screenshots.
 *
 * <p>Needs Debian's chromium and chromium-driver (see {@link HeadlessChromium}).
 */
class TasklistBrowserTests extends PostgresApplicationTest {

  static final String EXECUTOR = "browser.water";

  @Autowired ComplaintFiling filing;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startChromium() {
    browser = HeadlessChromium.start(1440, 1000);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopChromium() throws IOException {
    if (browser != null) {
      // the last state, for whoever has to find out why a step failed
      screenshot("last");
      Files.writeString(HeadlessChromium.SCREENSHOTS.resolve("tasklist-last.html"), browser.getPageSource());
      browser.quit();
    }
  }

  @Test
  void aWaterExecutorSeesOnlyTheWaterComplaintAndResolvesItThroughItsForm() throws IOException {
    Accounts.person(identityService, EXECUTOR, "water-utility");
    clearTheWaterUtilitysInbox();
    FiledComplaint water = filing.file(ComplaintFixtures.complaint("WATER", "NO_WATER", "вул. Браузерна, 7"));
    FiledComplaint lift = filing.file(ComplaintFixtures.complaint("LIFTS", "PERSON_STUCK", "вул. Ліфтова, 1"));
    FiledComplaint road = filing.file(ComplaintFixtures.complaint("ROADS", "POTHOLE", "вул. Дорожня, 2"));
    FiledComplaint dog = filing.file(ComplaintFixtures.complaint("ANIMALS", "AGGRESSIVE_ANIMAL", "парк Глоби"));

    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
    screenshot("1-login");
    WebElement logIn = browser.findElement(By.cssSelector("button[type=submit]"));
    assertThat(logIn.getText()).isEqualTo("Увійти");
    username.sendKeys(EXECUTOR);
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(Accounts.PASSWORD);
    logIn.click();

    WebElement filter = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'filters')]//a[contains(., 'Відкриті звернення')]")));
    filter.click();
    WebElement task = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//li[contains(@class,'task')]//*[contains(., '" + water.number() + "')]")));
    screenshot("2-inbox");
    List<WebElement> listed = browser.findElements(By.cssSelector("ol.tasks-list > li, .tasks-list li.task"));
    String inbox = browser.findElement(By.cssSelector("[cam-tasks], .tasks-list, [cam-tasklist-tasks]")).getText();
    assertThat(inbox).contains(water.number()).contains("вул. Браузерна, 7")
        .doesNotContain(lift.number()).doesNotContain(road.number()).doesNotContain(dog.number());
    assertThat(listed).hasSize(1);
    // the filter's columns, from the task's own variables
    assertThat(inbox).contains("Номер", "Адреса");

    task.click();
    WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[contains(., 'Взяти в роботу')] | //a[contains(., 'Взяти в роботу')]")));
    claim.click();
    WebElement resolved = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//label[contains(@class,'fjs-form-field-label')][contains(normalize-space(.), 'Вирішено')]")));
    screenshot("3-form");
    assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).contains("Рішення", "Вирішено",
        "Не наша компетенція");
    assertThat(shown("complaintNumber")).isEqualTo(water.number());
    assertThat(shown("categoryName")).isEqualTo("Водопостачання та водовідведення");
    assertThat(shown("issueTypeName")).isEqualTo("Немає води");
    assertThat(shown("locationAddress")).isEqualTo("вул. Браузерна, 7");
    assertThat(shown("applicantPhone")).isEqualTo("+380671234567");
    // the list's address and the form's applicant were read from the vault, and each read logged
    assertThat(jdbc.queryForList("SELECT DISTINCT door FROM cc_personal_data_read WHERE reader = ? AND complaint_number = ?",
        String.class, EXECUTOR, water.number())).containsExactly("webapps");
    click(resolved);
    WebElement resolution = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("textarea[id*='Field_resolution']")));
    resolution.sendKeys("Засувку відкрито, воду подано о 14:20");
    screenshot("4-filled");
    click(browser.findElement(By.xpath("//button[contains(., 'Завершити')]")));

    await().atMost(Duration.ofSeconds(60)).until(() -> state(water.number()).status() == ComplaintStatus.RESOLVED);
    screenshot("5-done");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(water.processInstanceId())
        .variableName("resolution").singleResult().getValue()).isEqualTo("Засувку відкрито, воду подано о 14:20");
    assertThat(runtimeService.createExecutionQuery().processInstanceId(water.processInstanceId())
        .activityId(ComplaintProcess.Elements.GATEWAY_AWAIT_REOPENING).count()).isEqualTo(1);
  }

  @Test
  void aDispatcherReClassifiesAHeadAnswersAnOverdueComplaintAndAControllerSupervisesIt() {
    Accounts.person(identityService, "browser.dispatcher", "dispatchers");
    Accounts.person(identityService, "browser.head", "water-utility-heads");
    Accounts.person(identityService, "browser.controller", "controllers");
    FiledComplaint other = filing.file(ComplaintFixtures.complaint("OTHER", "OTHER", "вул. Невизначена, 3"));
    // received 13 hours ago: 6 hours of the emergency deadline, and 6 more before the controllers are alerted
    FiledComplaint overdue = filing.file(ComplaintFixtures.complaint("WATER", "PIPE_BURST", "вул. Прострочена, 9",
        java.time.Instant.now().minus(Duration.ofHours(13))));
    await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
        .processInstanceId(overdue.processInstanceId()).taskDefinitionKey(ComplaintProcess.Elements.TASK_SUPERVISE_OVERDUE)
        .count() == 1);

    logIn("browser.dispatcher", Accounts.PASSWORD);
    openAndClaim(other.number());
    WebElement select = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("input[id*='Field_classification']")));
    // the searchable select: typing filters the catalogue's choices
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});"
        + "arguments[0].focus(); arguments[0].click();", select);
    select.sendKeys("Протікає дах");
    WebElement choice = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(., 'Протікає дах')]")));
    new org.openqa.selenium.interactions.Actions(browser).moveToElement(choice).click().perform();
    screenshot("6-reclassify");
    click(browser.findElement(By.xpath("//button[contains(., 'Завершити')]")));
    await().atMost(Duration.ofSeconds(60)).until(() -> "housing".equals(state(other.number()).department()));
    assertThat(state(other.number()).category()).isEqualTo("HOUSING");
    assertThat(state(other.number()).issueType()).isEqualTo("ROOF_LEAK");

    logOut();
    logIn("browser.head", Accounts.PASSWORD);
    openAndClaim(overdue.number());
    WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("textarea[id*='Field_escalationNote']")));
    note.sendKeys("Бригаду перекинуто з іншого району");
    screenshot("7-head");
    click(browser.findElement(By.xpath("//button[contains(., 'Завершити')]")));
    await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
        .processInstanceId(overdue.processInstanceId()).taskDefinitionKey(ComplaintProcess.Elements.TASK_REVIEW_OVERDUE)
        .count() == 0);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(overdue.processInstanceId())
        .variableName("escalationNote").singleResult().getValue()).isEqualTo("Бригаду перекинуто з іншого району");

    logOut();
    logIn("browser.controller", Accounts.PASSWORD);
    // a controller also sees the executor's overdue task (to read): the supervision is theirs to work
    openAndClaim(overdue.number(), "Контроль");
    WebElement control = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("textarea[id*='Field_controlNote']")));
    control.sendKeys("Доручено директору КП доповісти до 18:00");
    screenshot("8-controller");
    click(browser.findElement(By.xpath("//button[contains(., 'Завершити')]")));
    await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
        .processInstanceId(overdue.processInstanceId())
        .taskDefinitionKey(ComplaintProcess.Elements.TASK_SUPERVISE_OVERDUE).count() == 0);
    // the executor's own task is still there, for the executor
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(overdue.number())
        .taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).count()).isEqualTo(1);
  }

  @Test
  void anExecutorAsksForMoreTimeAndTheHeadApprovesItInTasklist() {
    Accounts.person(identityService, "browser.roads", "improvement-infrastructure");
    Accounts.person(identityService, "browser.roads.head", "improvement-infrastructure-heads");
    clearTheInboxesOf("improvement-infrastructure", "improvement-infrastructure-heads");
    FiledComplaint pothole = filing.file(ComplaintFixtures.complaint("ROADS", "POTHOLE", "вул. Вибоїста, 4"));
    java.time.ZoneId kyiv = java.time.ZoneId.of("Europe/Kyiv");
    String until = java.time.LocalDate.now(kyiv).plusDays(20).toString();

    logIn("browser.roads", Accounts.PASSWORD);
    openAndClaim(pothole.number());
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//label[contains(@class,'fjs-form-field-label')][contains(normalize-space(.), 'Потрібно більше часу')]"))));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[id*='Field_extensionUntil']")))
        .sendKeys(until);
    browser.findElement(By.cssSelector("textarea[id*='Field_extensionReason']"))
        .sendKeys("Асфальтобетонний завод відкриється після ремонту");
    screenshot("9-extension-asked");
    click(browser.findElement(By.xpath("//button[contains(., 'Завершити')]")));
    await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
        .processInstanceId(pothole.processInstanceId()).taskDefinitionKey(ComplaintProcess.Elements.TASK_DECIDE_EXTENSION)
        .count() == 1);

    logOut();
    logIn("browser.roads.head", Accounts.PASSWORD);
    openAndClaim(pothole.number(), "Продовжити");
    assertThat(shown("extensionUntil")).isEqualTo(until);
    assertThat(browser.findElement(By.cssSelector("textarea[id*='Field_extensionReason']")).getAttribute("value"))
        .isEqualTo("Асфальтобетонний завод відкриється після ремонту");
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//label[contains(@class,'fjs-form-field-label')][contains(normalize-space(.), 'Погодити продовження')]"))));
    screenshot("10-extension-approved");
    click(browser.findElement(By.xpath("//button[contains(., 'Завершити')]")));

    java.time.Instant newDeadline = java.time.LocalDate.parse(until).plusDays(1).atStartOfDay(kyiv).toInstant();
    await().atMost(Duration.ofSeconds(60)).until(() -> newDeadline.equals(state(pothole.number()).dueAt()));
    await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
        .processInstanceBusinessKey(pothole.number()).taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).count() == 1);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(pothole.number())
        .taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).singleResult().getDueDate())
        .isEqualTo(java.util.Date.from(newDeadline));
  }

  void logIn(String user, String password) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
    username.sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(password);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
  }

  void logOut() {
    browser.manage().deleteAllCookies();
  }

  /** Opens from "Відкриті звернення" the task whose entry shows all the texts, and claims it. */
  void openAndClaim(String... texts) {
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'filters')]//a[contains(., 'Відкриті звернення')]"))).click();
    StringBuilder entry = new StringBuilder("//li[contains(@class,'task')]//*");
    for (String text : texts) {
      entry.append("[contains(., '").append(text).append("')]");
    }
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(entry.toString()))).click();
    By claim = By.xpath("//button[contains(., 'Взяти в роботу')] | //a[contains(., 'Взяти в роботу')]");
    wait.until(ExpectedConditions.elementToBeClickable(claim)).click();
    // Tasklist draws the task again once it is claimed: the form's fields are new elements then
    wait.until(ExpectedConditions.invisibilityOfElementLocated(claim));
  }

  /** Clicks as a person would, after scrolling the element into the middle of the view. */
  void click(WebElement element) {
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /** The value a form shows in the (disabled) field bound to a variable. */
  String shown(String key) {
    WebElement field = browser.findElement(By.cssSelector("input[id*='Field_" + key + "_']"));
    assertThat(field.isEnabled()).as(key + " is read-only").isFalse();
    return field.getAttribute("value");
  }

  /**
   * The application is shared with other test classes, whose water complaints would be in this
   * inbox too; this test is about seeing exactly one, so it starts from an empty water inbox.
   */
  void clearTheWaterUtilitysInbox() {
    clearTheInboxesOf("water-utility");
  }

  /** The complaints other test classes left in these groups' inboxes, which would fill the list's first page. */
  void clearTheInboxesOf(String... groups) {
    List<String> complaints = java.util.Arrays.stream(groups)
        .flatMap(group -> taskService.createTaskQuery().taskCandidateGroup(group).list().stream())
        .map(task -> runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
            .singleResult())
        .filter(java.util.Objects::nonNull)
        // a department's task is in the department's process; the complaint is its root
        .map(instance -> instance.getRootProcessInstanceId())
        .distinct().toList();
    if (!complaints.isEmpty()) {
      runtimeService.deleteProcessInstances(complaints, "cleared for the browser test", true, true);
    }
  }


  void screenshot(String name) {
    HeadlessChromium.screenshot(browser, "tasklist-" + name);
  }
}
