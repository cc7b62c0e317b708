package ua.dnipro.contactcenter.classifier;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import ua.dnipro.contactcenter.api.Violations;

/**
 * Which files a classifier upload may hold: the two decision tables and their example cases, and
 * nothing else (no processes, forms or scripts); tables as plain XML, without a DOCTYPE or entity
 * declarations (XXE and entity expansion).
 */
final class FilePolicy {

  static final Set<String> ALLOWED = Set.of(ClassifierFiles.ROUTING_FILE, ClassifierFiles.SLA_FILE,
      ClassifierFiles.ROUTING_EXAMPLES, ClassifierFiles.SLA_EXAMPLES);

  private FilePolicy() {
  }

  static void check(ClassifierFiles uploaded, Violations problems) {
    if (uploaded.files().isEmpty()) {
      problems.add("files", "required", "upload the routing table, the SLA table, or both (.dmn)");
    }
    uploaded.files().forEach((name, content) -> {
      if (!ALLOWED.contains(name)) {
        problems.add(name, "file-type", "only the decision tables " + ClassifierFiles.ROUTING_FILE + " and "
            + ClassifierFiles.SLA_FILE + " and their example files may be deployed here; no processes, forms or scripts");
        return;
      }
      String upper = new String(content, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
      if (name.endsWith(".dmn") && (upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY"))) {
        problems.add(name, "xml-doctype", "a DOCTYPE or entity declaration is not allowed in a decision table");
      }
    });
  }
}
