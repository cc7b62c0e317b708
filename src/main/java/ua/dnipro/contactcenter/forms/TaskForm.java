package ua.dnipro.contactcenter.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ua.dnipro.contactcenter.api.FieldViolation;
import ua.dnipro.contactcenter.api.Texts;
import ua.dnipro.contactcenter.api.Violations;
import ua.dnipro.contactcenter.api.TextLimits;

/**
 * What a task's Camunda Form lets a person enter, read from the form itself: its enabled fields,
 * their kinds, whether they are required (unless the form hides them), their options and lengths.
 * The server holds every submission and every completion to exactly this, so the form in
 * {@code processes/forms/} is the one statement of what a task takes. Fields the form shows
 * disabled are for reading only and are never accepted.
 */
public record TaskForm(String id, Map<String, Field> fields) {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final int DEFAULT_MAX_LENGTH = TextLimits.REASON;
  /** Components that show or lay out, and take no value (a button submits or resets the form). */
  static final Set<String> NOT_INPUT = Set.of("text", "html", "image", "spacer", "separator", "group", "iframe",
      "table", "button", "expression");

  /** What kind of value a field holds. */
  public enum Kind {
    TEXT, CHOICE, BOOLEAN, NUMBER
  }

  /** One enabled field of the form. */
  public record Field(String key, Kind kind, boolean multiline, boolean required, int maxLength, List<String> options,
      String optionsVariable, HideCondition hide) {
  }

  /**
   * A form's {@code conditional.hide}, in the shapes our forms use: {@code =key = "value"},
   * {@code =key != "value"}, {@code =key = null}, {@code =key != null}, and equalities of one key
   * joined by {@code or}: {@code =key = "a" or key = "b"}.
   */
  public record HideCondition(String key, boolean equal, List<String> literals) {

    private static final Pattern SHAPE = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(=|!=)\\s*(null|\"([^\"]*)\")\\s*");

    static HideCondition parse(String expression) {
      String[] clauses = expression.startsWith("=") ? expression.substring(1).split("\\bor\\b") : new String[0];
      String key = null;
      Boolean equal = null;
      List<String> literals = new ArrayList<>();
      for (String clause : clauses) {
        Matcher matcher = SHAPE.matcher(clause);
        if (!matcher.matches() || key != null && (!key.equals(matcher.group(1)) || !equal
            || !matcher.group(2).equals("="))) {
          throw new IllegalArgumentException("unsupported hide condition '" + expression
              + "': write it as =field = \"value\", =field != \"value\", =field = null, =field != null or "
              + "=field = \"a\" or field = \"b\"");
        }
        key = matcher.group(1);
        equal = matcher.group(2).equals("=");
        literals.add(matcher.group(4));
      }
      if (key == null) {
        throw new IllegalArgumentException("unsupported hide condition '" + expression + "'");
      }
      return new HideCondition(key, equal, java.util.Collections.unmodifiableList(literals));
    }

    boolean hidden(Map<String, Object> values) {
      Object value = values.get(key);
      boolean same = literals.stream().anyMatch(literal -> literal == null ? value == null : literal.equals(value));
      return equal == same;
    }
  }

  /** Reads a Camunda Form (JSON); a component our server cannot hold to its rules is refused. */
  public static TaskForm read(InputStream form) {
    try {
      JsonNode root = JSON.readTree(form);
      Map<String, Field> fields = new LinkedHashMap<>();
      collect(root.path("components"), fields);
      return new TaskForm(root.path("id").asText(null), fields);
    } catch (IOException e) {
      throw new UncheckedIOException("the form is not JSON", e);
    }
  }

  /** The keys of the fields a form only shows (disabled or read-only): what the task must carry for it. */
  public static Set<String> shownKeys(InputStream form) {
    try {
      Set<String> keys = new java.util.LinkedHashSet<>();
      collectShown(JSON.readTree(form).path("components"), keys);
      return Set.copyOf(keys);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not a form: " + e.getMessage(), e);
    }
  }

  private static void collectShown(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      collectShown(component.path("components"), keys);
      String key = component.path("key").asText(null);
      if (key != null && !NOT_INPUT.contains(component.path("type").asText())
          && (component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false))) {
        keys.add(key);
      }
    }
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      collect(component.path("components"), fields);
      String key = component.path("key").asText(null);
      String type = component.path("type").asText();
      if (key == null || NOT_INPUT.contains(type) || component.path("disabled").asBoolean(false)
          || component.path("readonly").asBoolean(false)) {
        continue;
      }
      Kind kind = switch (type) {
        case "textfield", "textarea", "datetime" -> Kind.TEXT;
        case "radio", "select" -> Kind.CHOICE;
        case "checkbox" -> Kind.BOOLEAN;
        case "number" -> Kind.NUMBER;
        default -> throw new IllegalArgumentException("field '" + key + "' is a " + type
            + ", which the server cannot check; use a text field, text area, radio, select, checkbox or number");
      };
      JsonNode validate = component.path("validate");
      List<String> options = new ArrayList<>();
      component.path("values").forEach(option -> options.add(option.path("value").asText()));
      String hide = component.path("conditional").path("hide").asText(null);
      fields.put(key, new Field(key, kind, type.equals("textarea"), validate.path("required").asBoolean(false),
          validate.path("maxLength").asInt(DEFAULT_MAX_LENGTH), List.copyOf(options),
          component.path("valuesKey").asText(null), hide == null ? null : HideCondition.parse(hide)));
    }
  }

  /**
   * Checks a submission (complete or submit-form) as the engine REST API receives it: only this
   * form's enabled fields, each as {@code {"value": …, "type": …}} of its kind, and then the form's
   * rules on the values the task will have.
   *
   * @param variables the submitted variables, by name
   * @param current the task's current values of the form's fields
   * @param options the allowed values of a field whose options come from a variable
   */
  public List<FieldViolation> checkSubmission(Map<String, JsonNode> variables, Map<String, Object> current,
      Function<String, Set<String>> options) {
    Violations violations = new Violations();
    Map<String, Object> values = new LinkedHashMap<>(current);
    for (Map.Entry<String, JsonNode> submitted : variables.entrySet()) {
      String name = submitted.getKey();
      Field field = fields.get(name);
      if (field == null) {
        violations.add(name, "not-a-form-field", "'" + name + "' is not a field this task's form lets you fill in; "
            + "it takes " + fields.keySet());
        continue;
      }
      read(field, submitted.getValue(), violations).ifPresent(value -> values.put(name, value.orElse(null)));
    }
    if (!violations.isEmpty()) {
      return violations.list();
    }
    for (String name : variables.keySet()) {
      Field field = fields.get(name);
      if (field.hide() != null && field.hide().hidden(values) && values.get(name) != null
          && !(values.get(name) instanceof String text && Texts.isBlank(text))) {
        violations.add(name, "hidden-field", "'" + name + "' is not part of the form when "
            + field.hide().key() + " is " + values.get(field.hide().key()));
      }
    }
    checkValues(values, options, violations);
    return violations.list();
  }

  /** Checks the values a task is completed with (whoever completes it, however). */
  public List<FieldViolation> checkCompletion(Map<String, Object> values, Function<String, Set<String>> options) {
    Violations violations = new Violations();
    checkValues(values, options, violations);
    return violations.list();
  }

  private void checkValues(Map<String, Object> values, Function<String, Set<String>> options, Violations violations) {
    for (Field field : fields.values()) {
      if (field.hide() != null && field.hide().hidden(values)) {
        continue;
      }
      Object value = values.get(field.key());
      switch (field.kind()) {
        case TEXT, CHOICE -> {
          if (value != null && !(value instanceof String)) {
            violations.add(field.key(), "type", field.key() + " must be text");
            continue;
          }
          if (!Texts.check(violations, field.key(), (String) value, field.required(), field.maxLength(), field.multiline())
              || field.kind() != Kind.CHOICE || Texts.isBlank((String) value)) {
            continue;
          }
          Set<String> allowed = field.optionsVariable() == null ? Set.copyOf(field.options())
              : options.apply(field.optionsVariable());
          if (!allowed.contains(value)) {
            violations.add(field.key(), "one-of", field.key() + " must be one of the form's options"
                + (allowed.size() <= 10 ? " " + allowed.stream().sorted().toList() : "") + ", was '" + value + "'");
          }
        }
        case BOOLEAN -> {
          if (value != null && !(value instanceof Boolean)) {
            violations.add(field.key(), "type", field.key() + " must be true or false");
          } else if (field.required() && !Boolean.TRUE.equals(value)) {
            violations.add(field.key(), "required", field.key() + " must be checked");
          }
        }
        case NUMBER -> {
          if (value != null && !(value instanceof Number)) {
            violations.add(field.key(), "type", field.key() + " must be a number");
          } else if (field.required() && value == null) {
            violations.add(field.key(), "required", field.key() + " is required");
          }
        }
      }
    }
  }

  /**
   * The value of one submitted variable, if it is one of its field's kind: empty when it breaks a
   * rule (added to {@code violations}), an empty inner optional for an explicit null.
   */
  private static java.util.Optional<java.util.Optional<Object>> read(Field field, JsonNode variable,
      Violations violations) {
    String name = field.key();
    if (!variable.isObject()) {
      violations.add(name, "type", name + " must be sent as {\"value\": …, \"type\": …}");
      return java.util.Optional.empty();
    }
    for (var keys = variable.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (key.equals("valueInfo")) {
        if (!variable.get(key).isNull() && !variable.get(key).isEmpty()) {
          violations.add(name + ".valueInfo", "no-value-info", "a form field takes a plain value, without valueInfo");
          return java.util.Optional.empty();
        }
      } else if (!key.equals("value") && !key.equals("type")) {
        violations.add(name + "." + key, "unknown-field", "a variable is sent as {\"value\": …, \"type\": …}");
        return java.util.Optional.empty();
      }
    }
    JsonNode value = variable.path("value");
    String type = variable.path("type").isTextual() ? variable.get("type").asText() : null;
    if (variable.has("type") && !variable.get("type").isNull() && type == null) {
      violations.add(name + ".type", "type", "type must be a type name such as String");
      return java.util.Optional.empty();
    }
    if (value.isNull() || value.isMissingNode()) {
      if (type == null || type.equalsIgnoreCase("Null") || typeFits(field.kind(), type)) {
        return java.util.Optional.of(java.util.Optional.empty());
      }
    }
    boolean fits = switch (field.kind()) {
      case TEXT, CHOICE -> value.isTextual();
      case BOOLEAN -> value.isBoolean();
      case NUMBER -> value.isNumber();
    };
    if (!fits || (type != null && !typeFits(field.kind(), type))) {
      violations.add(name, "type", name + " takes " + switch (field.kind()) {
        case TEXT, CHOICE -> "text (type String)";
        case BOOLEAN -> "true or false (type Boolean)";
        case NUMBER -> "a number (type Long or Double)";
      } + (type == null ? "" : ", not " + type));
      return java.util.Optional.empty();
    }
    Object read = switch (field.kind()) {
      case TEXT, CHOICE -> value.asText();
      case BOOLEAN -> value.asBoolean();
      case NUMBER -> value.isIntegralNumber() ? (Object) value.asLong() : (Object) value.asDouble();
    };
    return java.util.Optional.of(java.util.Optional.of(read));
  }

  private static boolean typeFits(Kind kind, String type) {
    return switch (kind) {
      case TEXT, CHOICE -> type.equalsIgnoreCase("String");
      case BOOLEAN -> type.equalsIgnoreCase("Boolean");
      case NUMBER -> Set.of("long", "integer", "short", "double").contains(type.toLowerCase(java.util.Locale.ROOT));
    };
  }

  /** The values of a field's options held in a variable: a JSON list of {@code {"label", "value"}}. */
  public static Set<String> optionValues(Object serializedOptions) {
    if (serializedOptions == null) {
      return Set.of();
    }
    try {
      Set<String> values = new java.util.LinkedHashSet<>();
      JSON.readTree(serializedOptions.toString()).forEach(option -> values.add(option.path("value").asText()));
      return values;
    } catch (IOException e) {
      return Set.of();
    }
  }

  /** The current values of this form's fields among a task's variables. */
  public Map<String, Object> valuesAmong(Map<String, Object> variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    fields.values().forEach(field -> {
      values.put(field.key(), variables.get(field.key()));
      if (field.hide() != null) {
        values.put(field.hide().key(), variables.get(field.hide().key()));
      }
    });
    values.values().removeIf(Objects::isNull);
    return values;
  }
}
