package ua.dnipro.contactcenter.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds request-supplied expressions: any key that ends in "Expression" ({@code dueAfterExpression},
 * {@code candidateGroupExpression}, …), at any depth, in a query's parameters or in a JSON body.
 * Camunda evaluates such keys as JUEL, and an expression reaches anything the expression language
 * resolves; its own switch {@code enableExpressionsInAdhocQueries} misses those inside {@code orQueries}
 * and filter extensions. No request of ours needs one: the stored filters' expressions are written
 * by the application itself.
 */
final class ExpressionKeys {

  private static final String SUFFIX = "expression";

  private ExpressionKeys() {
  }

  static boolean isExpressionKey(String name) {
    return name != null && name.toLowerCase(Locale.ROOT).endsWith(SUFFIX);
  }

  /** The JSON path of the first expression key in a body, if there is one. */
  static Optional<String> find(JsonNode node) {
    return find(node, "");
  }

  private static Optional<String> find(JsonNode node, String path) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (isExpressionKey(field.getKey())) {
          return Optional.of(fieldPath);
        }
        Optional<String> inside = find(field.getValue(), fieldPath);
        if (inside.isPresent()) {
          return inside;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> inside = find(node.get(i), path + "[" + i + "]");
        if (inside.isPresent()) {
          return inside;
        }
      }
    }
    return Optional.empty();
  }
}
