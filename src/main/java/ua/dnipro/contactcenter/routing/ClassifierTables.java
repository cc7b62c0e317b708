package ua.dnipro.contactcenter.routing;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import ua.dnipro.contactcenter.security.AsApplication;

/**
 * How the process consults a table of the classifier: the latest version, with exactly the inputs
 * the table is for (never the complaint's other variables, which hold the applicant's personal
 * data); the caller records which version decided in the complaint's history. The evaluation is the
 * process's own, not a person's: it runs without the authorizations of whoever moved the process on.
 */
final class ClassifierTables {

  /** A table's answer, and the version that gave it. */
  record Answer(int version, DmnDecisionResult result) {
  }

  private ClassifierTables() {
  }

  static Answer evaluate(DelegateExecution execution, String decisionKey, Map<String, Object> inputs) {
    var services = execution.getProcessEngineServices();
    DecisionDefinition latest = AsApplication.run(services.getIdentityService(), () -> services.getRepositoryService()
        .createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).latestVersion().singleResult());
    if (latest == null) {
      throw new IllegalStateException("decision " + decisionKey + " is not deployed");
    }
    DmnDecisionResult result = AsApplication.run(services.getIdentityService(), () -> services.getDecisionService()
        .evaluateDecisionById(latest.getId()).variables(Variables.fromMap(inputs)).evaluate());
    return new Answer(latest.getVersion(), result);
  }

  /** An output as text; anything else (a number, a list) is no answer. */
  static String text(DmnDecisionResult result, String output) {
    if (result.isEmpty()) {
      return null;
    }
    return result.getFirstResult().getEntry(output) instanceof String text && !text.isBlank() ? text : null;
  }
}
