package ua.dnipro.contactcenter.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HeadlessChromium;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * The public dashboard in headless Chromium: the charts draw, the efficiency ranking and the map
 * show data, without any tile server (as in production without one). Screenshot:
 * target/screenshots/dashboard.png.
 */
class DashboardBrowserTests extends PostgresApplicationTest {


  WebDriver browser;

  @BeforeEach
  void startChromium() {
    browser = HeadlessChromium.start(1440, 1600);
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theDashboardDrawsItsChartsRankingAndMapWithData() {
    // twelve complaints in one map cell: enough to be shown
    for (int i = 0; i < 12; i++) {
      Map<String, Object> body = ComplaintFixtures.apiBody();
      body.put("category", i % 3 == 0 ? "ROADS" : "WATER");
      body.put("issueType", i % 3 == 0 ? "POTHOLE" : "LOW_PRESSURE");
      assertThat(as("website").post("/api/v1/complaints", body).status()).isEqualTo(201);
    }

    browser.get("http://localhost:" + port + "/dashboard/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    try {
      wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
      // ECharts draws into a canvas; Leaflet draws the cells as SVG paths
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-flow canvas")));
      assertThat(browser.findElements(By.cssSelector("#chart-groups canvas"))).isNotEmpty();
      List<WebElement> cells = browser.findElements(By.cssSelector("#map path.leaflet-interactive"));
      assertThat(cells).isNotEmpty();
      List<WebElement> ranking = browser.findElements(By.cssSelector("#efficiency tbody tr"));
      assertThat(ranking).isNotEmpty();
      assertThat(browser.findElement(By.id("efficiency")).getText()).contains("КП «Дніпроводоканал»");
      assertThat(browser.findElement(By.id("totals")).getText()).contains("Надійшло");
      // a district is named only with at least 10 complaints received and resolved in the month (or none
      // resolved); the others are counted together
      assertThat(browser.findElements(By.cssSelector("#districts tbody tr"))).isNotEmpty();
      assertThat(browser.findElement(By.id("map-month")).getText()).matches("\\d{4}-\\d{2}");
    } finally {
      HeadlessChromium.screenshot(browser, "dashboard");
    }
  }
}
