package ua.dnipro.contactcenter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ua.dnipro.contactcenter.classifier.ClassifierDeployments;
import ua.dnipro.contactcenter.classifier.ClassifierFiles;
import ua.dnipro.contactcenter.classifier.ClassifierVersions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.dnipro.contactcenter.testing.ClassifierFixtures;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/** GET /api/v1/categories is the deployed routing table, seen from a channel. */
class CategoriesApiTests extends PostgresApplicationTest {

  @Autowired ClassifierDeployments deployments;

  @Test
  void theCatalogueListsEveryCategoryAndIssueTypeOfTheDeployedTableWithNamesAndTiers() {
    JsonNode catalogue = as("website").get("/api/v1/categories").json();

    List<String> categories = new ArrayList<>();
    catalogue.get("categories").forEach(category -> categories.add(category.get("code").asText()));
    assertThat(categories).containsExactlyInAnyOrderElementsOf(ComplaintRoutingTests.CATEGORIES);
    JsonNode water = category(catalogue, "WATER");
    assertThat(water.get("nameUk").asText()).isEqualTo("Водопостачання та водовідведення");
    assertThat(water.get("nameEn").asText()).isEqualTo("Water supply and sewerage");
    JsonNode noWater = water.get("issueTypes").get(0);
    assertThat(noWater.get("code").asText()).isEqualTo("NO_WATER");
    assertThat(noWater.get("nameUk").asText()).isEqualTo("Немає води");
    assertThat(noWater.get("slaTier").asText()).isEqualTo("EMERGENCY");
    assertThat(noWater.get("slaDuration").asText()).isEqualTo("PT6H");
    assertThat(category(catalogue, "OTHER").get("issueTypes").get(0).get("code").asText()).isEqualTo("OTHER");
    assertThat(category(catalogue, "HEATING").get("issueTypes")).hasSize(2);
  }

  @Test
  void anAnalystsNewTableVersionShowsUpAtOnce() throws Exception {
    int before = as("website").get("/api/v1/categories").json().get("classifierVersion").asInt();
    String table;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("decisions/ComplaintRouting.dmn")) {
      table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    String changed = ClassifierFixtures.withHydrantLeak(table);
    var inEffect = deployments.current();
    try {
      deployments.deploy(new ClassifierFiles(Map.of("ComplaintRouting.dmn", changed.getBytes(StandardCharsets.UTF_8))),
          "an.analyst", ClassifierVersions.Source.UPLOAD, "hydrants", null);

      JsonNode catalogue = as("website").get("/api/v1/categories").json();
      assertThat(catalogue.get("classifierVersion").asInt()).isEqualTo(before + 1);
      JsonNode first = category(catalogue, "WATER").get("issueTypes").get(0);
      assertThat(first.get("code").asText()).isEqualTo("HYDRANT_LEAK");
      assertThat(first.get("slaTier").asText()).isEqualTo("SHORT");
    } finally {
      // the shipped table again, for whoever comes next
      deployments.deploy(inEffect, "an.analyst", ClassifierVersions.Source.UPLOAD, "restore", null);
    }
  }

  static JsonNode category(JsonNode catalogue, String code) {
    for (JsonNode category : catalogue.get("categories")) {
      if (category.get("code").asText().equals(code)) {
        return category;
      }
    }
    throw new AssertionError("no category " + code);
  }
}
