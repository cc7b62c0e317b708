package ua.dnipro.contactcenter.photos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import ua.dnipro.contactcenter.testing.Accounts;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HeadlessChromium;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * A water executor in headless Chromium opens a complaint whose citizen sent a photo: the form shows
 * it, loaded from the application with Tasklist's session, from the address the application knows
 * itself by ({@code contact-center.photos.base-url}).
 */
class PhotosBrowserTests extends PostgresApplicationTest {

  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startChromium() {
    browser = HeadlessChromium.start(1440, 1400);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      HeadlessChromium.screenshot(browser, "photos-last");
      browser.quit();
    }
  }

  @Test
  void theDepartmentSeesTheCitizensPhotoInTheTasksForm() {
    clearTheWaterUtilitysInbox();
    Response filed = as("hotline").post("/api/v1/complaints", ComplaintFixtures.apiBodyAtAHouseOfItsOwn());
    String number = filed.json().get("number").asText();
    Response uploaded = as("hotline").postFiles("/api/v1/complaints/" + number + "/photos", "photo",
        Map.of("pipe.jpg", PhotoFixtures.jpegWithGps()), "image/jpeg");
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    Accounts.person(identityService, "browser.photos", "water-utility");

    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")))
        .sendKeys("browser.photos");
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(Accounts.PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'filters')]//a[contains(., 'Відкриті звернення:')]"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//li[contains(@class,'task')]//*[contains(., '" + number + "')]"))).click();

    WebElement photo = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("img.fjs-image")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", photo);
    wait.until(driver -> ((Number) ((JavascriptExecutor) driver).executeScript(
        "return arguments[0].complete ? arguments[0].naturalWidth : 0;", photo)).intValue() > 0);
    HeadlessChromium.screenshot(browser, "photos-form");
    assertThat(((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth;", photo))
        .intValue()).as("the photo's own width, loaded with the session").isEqualTo(64);
    assertThat(photo.getAttribute("src")).startsWith("http://localhost:" + port + "/inbox/photos/");
    assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).contains("Фото від заявника",
        "Додати фото виконаних робіт");
  }


  /** Other test classes' water complaints would fill the list's first page: this test starts from an empty inbox. */
  void clearTheWaterUtilitysInbox() {
    List<String> complaints = taskService.createTaskQuery().taskCandidateGroup("water-utility").list().stream()
        .map(task -> runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
            .singleResult())
        .filter(java.util.Objects::nonNull)
        .map(ProcessInstance::getRootProcessInstanceId)
        .distinct().toList();
    if (!complaints.isEmpty()) {
      runtimeService.deleteProcessInstances(complaints, "cleared for the browser test", true, true);
    }
  }
}
