package ua.dnipro.contactcenter.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ua.dnipro.contactcenter.api.FieldViolation;

class TaskFormTests {

  static final ObjectMapper JSON = new ObjectMapper();

  static TaskForm form(String name) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("processes/forms", name + ".form"))) {
      return TaskForm.read(in);
    }
  }

  static Map<String, JsonNode> variables(String json) throws IOException {
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    JSON.readTree(json).fields().forEachRemaining(entry -> variables.put(entry.getKey(), entry.getValue()));
    return variables;
  }

  static List<String> rules(List<FieldViolation> violations) {
    return violations.stream().map(v -> v.field() + ":" + v.rule()).toList();
  }

  @Test
  void everyFormOfTheProcessesCanBeHeldToItsRules() throws IOException {
    try (var forms = Files.list(Path.of("processes/forms"))) {
      for (Path file : forms.toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          assertThat(TaskForm.read(in).fields()).as(file.toString()).isNotEmpty();
        }
      }
    }
  }

  @Test
  void onlyTheEnabledFieldsCanBeFilledIn() throws IOException {
    TaskForm resolve = form("ResolveComplaintForm");
    assertThat(resolve.fields().keySet()).containsExactly("outcome", "resolution", "returnReason", "extensionUntil",
        "extensionReason", "duplicateOf");
    assertThat(form("ReclassifyComplaintForm").fields().keySet()).containsExactly("dispatchDecision", "classification",
        "forwardTo", "forwardToOther", "duplicateOf");
  }

  @Test
  void aSubmissionIsHeldToTheFieldsTheirTypesAndTheFormsConditions() throws IOException {
    TaskForm resolve = form("ResolveComplaintForm");

    assertThat(resolve.checkSubmission(variables("{\"outcome\":{\"value\":\"RESOLVED\"},\"resolution\":{\"value\":\"Зроблено\","
        + "\"type\":\"String\"}}"), Map.of(), name -> Set.of())).isEmpty();
    assertThat(rules(resolve.checkSubmission(variables("{\"outcome\":{\"value\":\"RESOLVED\"},\"resolution\":{\"value\":\"x\"},"
        + "\"complaintNumber\":{\"value\":\"2026-1\"}}"), Map.of(), name -> Set.of())))
        .containsExactly("complaintNumber:not-a-form-field");
    assertThat(rules(resolve.checkSubmission(variables("{\"outcome\":{\"value\":\"RESOLVED\"},\"resolution\":{\"value\":true}}"),
        Map.of(), name -> Set.of()))).containsExactly("resolution:type");
    assertThat(rules(resolve.checkSubmission(variables("{\"outcome\":{\"value\":\"RESOLVED\"},\"resolution\":{\"value\":\"x\","
        + "\"type\":\"Json\"}}"), Map.of(), name -> Set.of()))).containsExactly("resolution:type");
    // the return reason is only part of the form when the complaint is returned
    assertThat(rules(resolve.checkSubmission(variables("{\"outcome\":{\"value\":\"RESOLVED\"},\"resolution\":{\"value\":\"x\"},"
        + "\"returnReason\":{\"value\":\"not ours\"}}"), Map.of(), name -> Set.of())))
        .containsExactly("returnReason:hidden-field");
    assertThat(rules(resolve.checkSubmission(variables("{\"outcome\":{\"value\":\"NOT_OUR_COMPETENCE\"}}"), Map.of(),
        name -> Set.of()))).containsExactly("returnReason:required");
  }

  @Test
  void optionsFromAVariableAreTheOnlyChoices() throws IOException {
    TaskForm reclassify = form("ReclassifyComplaintForm");
    Set<String> catalogue = TaskForm.optionValues("[{\"label\":\"Дах\",\"value\":\"HOUSING/ROOF_LEAK\"}]");

    assertThat(reclassify.checkSubmission(variables("{\"classification\":{\"value\":\"HOUSING/ROOF_LEAK\"}}"), Map.of(),
        name -> catalogue)).isEmpty();
    assertThat(rules(reclassify.checkSubmission(variables("{\"classification\":{\"value\":\"HOUSING/NO_WATER\"}}"), Map.of(),
        name -> catalogue))).containsExactly("classification:one-of");
  }

  @Test
  void aConditionWithAlternativesHidesAFieldForEachOfThem() throws IOException {
    TaskForm reclassify = form("ReclassifyComplaintForm");

    assertThat(reclassify.checkSubmission(variables("{\"dispatchDecision\":{\"value\":\"MERGE\"},"
        + "\"duplicateOf\":{\"value\":\"2026-000001\"}}"), Map.of(), name -> Set.of())).isEmpty();
    assertThat(rules(reclassify.checkSubmission(variables("{\"dispatchDecision\":{\"value\":\"MERGE\"}}"), Map.of(),
        name -> Set.of()))).containsExactly("duplicateOf:required");
    assertThat(rules(reclassify.checkSubmission(variables("{\"dispatchDecision\":{\"value\":\"MERGE\"},"
        + "\"duplicateOf\":{\"value\":\"2026-000001\"},\"classification\":{\"value\":\"HOUSING/ROOF_LEAK\"}}"),
        Map.of(), name -> Set.of("HOUSING/ROOF_LEAK")))).containsExactly("classification:hidden-field");
    assertThat(rules(reclassify.checkSubmission(variables("{\"dispatchDecision\":{\"value\":\"RECLASSIFY\"}}"),
        Map.of(), name -> Set.of()))).containsExactly("classification:required");
    byte[] mixed = ("{\"components\":[{\"type\":\"textfield\",\"key\":\"a\",\"conditional\":{\"hide\":"
        + "\"=b = \\\"x\\\" or c = \\\"y\\\"\"}}]}").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TaskForm.read(new ByteArrayInputStream(mixed))).as("alternatives of one field only")
        .hasMessageContaining("unsupported hide condition");
  }

  @Test
  void buttonsAndLayoutTakeNoValue() {
    byte[] form = ("{\"components\":[{\"type\":\"button\",\"key\":\"submit\",\"action\":\"submit\"},"
        + "{\"type\":\"textfield\",\"key\":\"note\"}]}").getBytes(StandardCharsets.UTF_8);
    assertThat(TaskForm.read(new ByteArrayInputStream(form)).fields().keySet()).containsExactly("note");
  }

  @Test
  void aFormWithAFieldTheServerCannotCheckIsRefused() {
    byte[] form = "{\"components\":[{\"type\":\"filepicker\",\"key\":\"upload\"}]}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TaskForm.read(new ByteArrayInputStream(form))).hasMessageContaining("upload");
    byte[] condition = "{\"components\":[{\"type\":\"textfield\",\"key\":\"a\",\"conditional\":{\"hide\":\"=b > 3\"}}]}"
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TaskForm.read(new ByteArrayInputStream(condition))).hasMessageContaining("=b > 3");
  }
}
