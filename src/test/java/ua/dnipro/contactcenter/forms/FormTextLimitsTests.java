package ua.dnipro.contactcenter.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ua.dnipro.contactcenter.api.TextLimits;

/**
 * A form's text fields are limited as the API's texts are: every field a person types into declares
 * its {@code validate.maxLength}, and that is one of {@link TextLimits}, so a limit changes in one place
 * and the forms' test shows where it is used.
 */
class FormTextLimitsTests {

  static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea");

  @Test
  void everyTypedTextHasOneOfTheTextLimits() throws IOException {
    Set<Integer> limits = Arrays.stream(TextLimits.class.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == int.class)
        .map(FormTextLimitsTests::value).collect(Collectors.toSet());
    List<String> fields = new ArrayList<>();
    List<String> offLimits = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("processes/forms"))) {
      for (Path form : forms.filter(path -> path.toString().endsWith(".form")).sorted().toList()) {
        collect(new ObjectMapper().readTree(form.toFile()), form.getFileName().toString(), fields, offLimits, limits);
      }
    }
    assertThat(fields).as("typed text fields found").hasSizeGreaterThan(15);
    assertThat(offLimits).as("fields without a limit of TextLimits").isEmpty();
  }

  @Test
  void aFieldThatDoesNotSayTakesTheReasonsLimit() {
    assertThat(TaskForm.DEFAULT_MAX_LENGTH).isEqualTo(TextLimits.REASON);
  }

  private static void collect(JsonNode node, String form, List<String> fields, List<String> offLimits, Set<Integer> limits) {
    for (JsonNode component : node.path("components")) {
      boolean typed = TEXT_TYPES.contains(component.path("type").asText())
          && !component.path("readonly").asBoolean(false) && !component.path("disabled").asBoolean(false);
      if (typed) {
        String name = form + ":" + component.path("key").asText();
        fields.add(name);
        JsonNode maxLength = component.path("validate").path("maxLength");
        if (!maxLength.isInt() || !limits.contains(maxLength.asInt())) {
          offLimits.add(name + " (" + maxLength + ")");
        }
      }
      collect(component, form, fields, offLimits, limits);
    }
  }

  private static int value(Field field) {
    try {
      return field.getInt(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
