package ua.dnipro.contactcenter.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation stays true to the code: the README is a short front door whose code layout
 * names every package, every link between the documents leads somewhere, and every setting the
 * operators' guide documents exists in application.yaml.
 */
class DocumentationTests {

  static final Path README = Path.of("README.md");
  static final Path DOCS = Path.of("docs");
  static final Path PACKAGES = Path.of("src/main/java/ua/dnipro/contactcenter");

  @Test
  void theReadmeIsAShortFrontDoorWhoseCodeLayoutNamesEveryPackage() throws IOException {
    List<String> lines = Files.readAllLines(README);
    assertThat(lines.size()).as("the README is a front door, the depth is in docs/").isLessThanOrEqualTo(160);
    String layout = String.join("\n", lines.subList(lines.indexOf("## Code layout"), lines.size()));
    try (Stream<Path> packages = Files.list(PACKAGES)) {
      packages.filter(Files::isDirectory).map(path -> path.getFileName().toString()).forEach(name ->
          assertThat(layout).as("package %s in the README's code layout", name).contains("`" + name + "`"));
    }
  }

  @Test
  void everyLinkBetweenTheDocumentsLeadsToAFileAndAHeadingThatExist() throws IOException {
    Pattern link = Pattern.compile("\\]\\(([^)#\\s]*)(#[^)\\s]*)?\\)");
    List<String> broken = new ArrayList<>();
    for (Path document : documents()) {
      Matcher matcher = link.matcher(Files.readString(document));
      while (matcher.find()) {
        String target = matcher.group(1);
        String anchor = matcher.group(2);
        if (target.startsWith("http") || target.startsWith("mailto:")) {
          continue;
        }
        Path file = target.isEmpty() ? document : document.resolveSibling(target).normalize();
        if (!Files.exists(file)) {
          broken.add(document + " -> " + target);
        } else if (anchor != null && file.toString().endsWith(".md") && !anchors(file).contains(anchor.substring(1))) {
          broken.add(document + " -> " + target + anchor);
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void everySettingTheOperatorsGuideDocumentsExistsInTheConfiguration() throws IOException {
    String yaml = Files.readString(Path.of("src/main/resources/application.yaml"));
    Matcher documented = Pattern.compile("`(contact-center\\.[a-z-]+)[.`]").matcher(Files.readString(DOCS.resolve("operations.md")));
    List<String> keys = new ArrayList<>();
    while (documented.find()) {
      keys.add(documented.group(1));
    }
    assertThat(keys).isNotEmpty();
    for (String key : keys) {
      String leaf = key.substring("contact-center.".length());
      assertThat(yaml).as("%s in application.yaml", key).containsPattern("(?m)^  " + Pattern.quote(leaf) + ":");
    }
    Matcher variables = Pattern.compile("`((?:CC|DB)_[A-Z_]+)`").matcher(Files.readString(DOCS.resolve("operations.md")));
    while (variables.find()) {
      String variable = variables.group(1);
      // (CC_IDX_… and CC_STAT_… name the engine's extra indexes and statistics, not settings)
      if (!variable.startsWith("CC_IDX_") && !variable.startsWith("CC_STAT_")) {
        assertThat(yaml).as("%s read by the configuration", variable)
            .containsAnyOf("${" + variable + ":", "${" + variable + "}");
      }
    }
  }

  static List<Path> documents() throws IOException {
    List<Path> documents = new ArrayList<>(List.of(README));
    try (Stream<Path> docs = Files.list(DOCS)) {
      docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    return documents;
  }

  /** The anchors GitHub makes of a Markdown file's headings. */
  static List<String> anchors(Path file) throws IOException {
    List<String> anchors = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("#")) {
        String heading = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
        anchors.add(heading.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
      }
    }
    return anchors;
  }
}
