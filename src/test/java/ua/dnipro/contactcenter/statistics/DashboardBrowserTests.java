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


  @org.springframework.beans.factory.annotation.Autowired StatisticsProjection projection;
  @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

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

    // the map shows the last month that has ended: twelve complaints in one cell there
    jdbc.update("DELETE FROM cc_complaint_fact WHERE complaint_number LIKE 'DB-%'");
    java.time.YearMonth lastMonth = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Kyiv")).minusMonths(1);
    for (int i = 0; i < 12; i++) {
      projection.registered("DB-" + lastMonth + "-" + i, "WEBSITE", "ROADS", null, "CHECHELIVSKYI",
          lastMonth.atDay(10).atTime(12, 0).toInstant(java.time.ZoneOffset.UTC), 48.4593, 35.0183);
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
      assertThat(browser.findElement(By.id("districts")).getText()).contains("Чечелівський");
      assertThat(browser.findElement(By.id("map-month")).getText()).isEqualTo(lastMonth.toString());
    } finally {
      HeadlessChromium.screenshot(browser, "dashboard");
    }
  }
}
