package ua.dnipro.contactcenter.routing;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import ua.dnipro.contactcenter.complaint.AsApplication;

/**
 * How the process consults a table of the classifier: the latest version, with exactly the inputs
 * the table is for (never the complaint's other variables, which hold the applicant's personal
 * data); the caller records which version decided in the complaint's history. The evaluation is the
 * process's own, not a person's: it runs without the authorizations of whoever moved the process on.
 *
 * <p>A deployed version of a table never changes, and the gate lets through only tables whose answer
 * depends on their inputs alone (literal outputs; inputs category, issue type, month, tier): so each
 * version's answer to the same inputs is remembered. Evaluating the routing table (FEEL, rule by
 * rule) took a fifth of a filing's time; the few hundred combinations of inputs are evaluated once
 * per version. A new version is used from the next complaint on, as before.
 */
final class ClassifierTables {

  /** A table's first matching rule's outputs (null: no rule matched), and the version that gave them. */
  record Answer(int version, Map<String, Object> firstResult) {
  }

  static final int REMEMBERED = 4096;
  private static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();

  private ClassifierTables() {
  }

  static Answer evaluate(DelegateExecution execution, String decisionKey, Map<String, Object> inputs) {
    var services = execution.getProcessEngineServices();
    return LatestDecisions.use(services.getRepositoryService(), decisionKey,
        () -> AsApplication.run(services.getIdentityService(), () -> services.getRepositoryService()
            .createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).latestVersion().singleResult()),
        latest -> answer(execution, decisionKey, latest, inputs));
  }

  private static Answer answer(DelegateExecution execution, String decisionKey, DecisionDefinition latest,
      Map<String, Object> inputs) {
    if (latest == null) {
      throw new IllegalStateException("decision " + decisionKey + " is not deployed");
    }
    String key = latest.getId() + "\u0000" + new TreeMap<>(inputs);
    Answer remembered = ANSWERS.get(key);
    if (remembered != null) {
      return remembered;
    }
    var services = execution.getProcessEngineServices();
    DmnDecisionResult result = AsApplication.run(services.getIdentityService(), () -> services.getDecisionService()
        .evaluateDecisionById(latest.getId()).variables(Variables.fromMap(inputs)).evaluate());
    Answer answer = new Answer(latest.getVersion(),
        result.isEmpty() ? null : Collections.unmodifiableMap(new HashMap<>(result.getFirstResult().getEntryMap())));
    if (ANSWERS.size() >= REMEMBERED) {
      ANSWERS.clear();
    }
    ANSWERS.put(key, answer);
    return answer;
  }

  /** An output as text; anything else (a number, a list) is no answer. */
  static String text(Map<String, Object> firstResult, String output) {
    if (firstResult == null) {
      return null;
    }
    return firstResult.get(output) instanceof String text && !text.isBlank() ? text : null;
  }
}
