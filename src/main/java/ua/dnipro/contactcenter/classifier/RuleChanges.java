package ua.dnipro.contactcenter.classifier;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/** What changed between two classifier versions, rule by rule (rules are known by their ids). */
final class RuleChanges {

  private RuleChanges() {
  }

  /** Per table: the rules added, removed and changed, each as "id: inputs → outputs". */
  static Map<String, Map<String, List<String>>> between(ClassifierFiles before, ClassifierFiles after) {
    Map<String, Map<String, List<String>>> changes = new LinkedHashMap<>();
    for (String table : List.of(ClassifierFiles.ROUTING_FILE, ClassifierFiles.SLA_FILE)) {
      Map<String, String> old = rules(before.files().get(table));
      Map<String, String> now = rules(after.files().get(table));
      List<String> added = new ArrayList<>();
      List<String> changed = new ArrayList<>();
      now.forEach((id, rule) -> {
        if (!old.containsKey(id)) {
          added.add(rule);
        } else if (!old.get(id).equals(rule)) {
          changed.add(old.get(id) + "  ⇒  " + rule);
        }
      });
      List<String> removed = old.entrySet().stream().filter(entry -> !now.containsKey(entry.getKey()))
          .map(Map.Entry::getValue).toList();
      if (!added.isEmpty() || !removed.isEmpty() || !changed.isEmpty()) {
        Map<String, List<String>> tableChanges = new LinkedHashMap<>();
        tableChanges.put("added", added);
        tableChanges.put("removed", removed);
        tableChanges.put("changed", changed);
        changes.put(table.replace(".dmn", ""), tableChanges);
      }
    }
    return changes;
  }

  private static Map<String, String> rules(byte[] table) {
    Map<String, String> rules = new LinkedHashMap<>();
    if (table == null) {
      return rules;
    }
    var model = Dmn.readModelFromStream(new ByteArrayInputStream(table));
    for (DecisionTable decisionTable : model.getModelElementsByType(DecisionTable.class)) {
      int position = 0;
      for (Rule rule : decisionTable.getRules()) {
        position++;
        String id = rule.getId() == null ? "rule " + position : rule.getId();
        String inputs = rule.getInputEntries().stream().map(InputEntry::getTextContent).map(String::trim)
            .collect(Collectors.joining(", "));
        String outputs = rule.getOutputEntries().stream().map(OutputEntry::getTextContent).map(String::trim)
            .collect(Collectors.joining(", "));
        rules.put(id, id + ": " + inputs + " → " + outputs);
      }
    }
    return rules;
  }
}
