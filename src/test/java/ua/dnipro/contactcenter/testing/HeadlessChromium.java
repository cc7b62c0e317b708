package ua.dnipro.contactcenter.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, for the browser tests, in Kyiv time and Ukrainian. Where it is not
 * installed the test is skipped, except in CI (.ci/run sets CC_BROWSER_TESTS=required and installs
 * it), so that the README's test command also works on a machine with only a JDK and Maven.
 */
public final class HeadlessChromium {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private HeadlessChromium() {
  }

  public static WebDriver start(int width, int height) {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    assertThat(installed || !"required".equals(System.getenv("CC_BROWSER_TESTS")))
        .as("CC_BROWSER_TESTS=required, but Chromium is not installed").isTrue();
    Assumptions.assumeTrue(installed, "Chromium is not installed (apt-get install chromium chromium-driver)");
    try {
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      // as root, without GPU, and without the background connections this machine's network refuses
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--window-size=" + width + "," + height, "--lang=uk-UA",
          "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
      ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
          .usingAnyFreePort().withEnvironment(Map.of("TZ", "Europe/Kyiv")).build();
      Files.createDirectories(SCREENSHOTS);
      return new ChromeDriver(service, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves what the browser shows as target/screenshots/{name}.png. */
  public static void screenshot(WebDriver browser, String name) {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
