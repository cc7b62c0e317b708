package ua.dnipro.contactcenter.routing;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.ROUTING_DECISION_VERSION;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.SLA_DECISION_VERSION;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.springframework.stereotype.Component;

/**
 * For complaints started on an earlier release's process only, whose business rule tasks still name
 * this listener: records which version of the table the task is about to evaluate (the latest).
 * This release's process classifies through {@link ClassifyComplaint} and {@link DetermineSlaTerms}.
 */
@Component("pinClassifierVersion")
public class PinClassifierVersion implements ExecutionListener {

  static final Map<String, String> VERSION_VARIABLE = Map.of(
      ClassifierCatalogue.ROUTING_DECISION, ROUTING_DECISION_VERSION,
      ClassifierCatalogue.SLA_DECISION, SLA_DECISION_VERSION);

  @Override
  public void notify(DelegateExecution execution) {
    String decision = ((BusinessRuleTask) execution.getBpmnModelElementInstance()).getCamundaDecisionRef();
    String variable = VERSION_VARIABLE.get(decision);
    if (variable == null) {
      throw new IllegalStateException("no version variable for decision " + decision);
    }
    DecisionDefinition latest = execution.getProcessEngineServices().getRepositoryService()
        .createDecisionDefinitionQuery().decisionDefinitionKey(decision).latestVersion().singleResult();
    if (latest == null) {
      throw new IllegalStateException("decision " + decision + " is not deployed");
    }
    execution.setVariable(variable, latest.getVersion());
  }
}
