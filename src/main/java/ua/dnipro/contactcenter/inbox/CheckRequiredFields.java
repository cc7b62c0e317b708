package ua.dnipro.contactcenter.inbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * The server's side of a form's "required": refuses to complete a task while a text its form asks
 * for is missing or too long. The fields are the user task's {@code requiredFields} property in
 * the BPMN (comma-separated), so the model says what each task needs.
 */
@Component("checkRequiredFields")
public class CheckRequiredFields implements TaskListener {

  static final String PROPERTY = "requiredFields";
  static final int MAX_LENGTH = 2000;

  @Override
  public void notify(DelegateTask task) {
    List<String> missing = new ArrayList<>();
    for (String field : requiredFields(task.getBpmnModelElementInstance())) {
      Object value = task.getVariable(field);
      if (value == null || value.toString().isBlank()) {
        missing.add(field);
      } else if (value.toString().length() > MAX_LENGTH) {
        throw new IllegalArgumentException(field + " has at most " + MAX_LENGTH + " characters");
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("required to complete this task: " + missing);
    }
  }

  private static List<String> requiredFields(UserTask userTask) {
    if (userTask.getExtensionElements() != null) {
      for (CamundaProperties properties : userTask.getExtensionElements().getElementsQuery()
          .filterByType(CamundaProperties.class).list()) {
        for (CamundaProperty property : properties.getCamundaProperties()) {
          if (PROPERTY.equals(property.getCamundaName())) {
            return Arrays.stream(property.getCamundaValue().split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
          }
        }
      }
    }
    return List.of();
  }
}
