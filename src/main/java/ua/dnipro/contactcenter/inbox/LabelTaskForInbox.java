package ua.dnipro.contactcenter.inbox;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.CATEGORY_NAME;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.ISSUE_TYPE_NAME;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintScope;
import ua.dnipro.contactcenter.api.TextLimits;

/**
 * Names each task so that a person scanning Tasklist knows it at a glance:
 * "Вирішити звернення 2026-000123 · Водопостачання: Немає води". Never the address or anything else
 * of the applicant's: task names stay in the engine's history for years.
 * The Ukrainian title is the user task's {@code inboxTitle} property in the BPMN.
 */
@Component("labelTaskForInbox")
public class LabelTaskForInbox implements TaskListener {

  static final String TITLE_PROPERTY = "inboxTitle";

  private final java.util.Map<String, String> titles = new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public void notify(DelegateTask task) {
    // a version's model never changes: its titles are read once
    String title = titles.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
        key -> inboxTitle(task.getBpmnModelElementInstance()));
    VariableScope complaint = ComplaintScope.of(task);
    List<String> parts = new ArrayList<>();
    parts.add(title + " " + ComplaintScope.numberOf(task));
    Object category = complaint.getVariable(CATEGORY_NAME);
    Object issueType = complaint.getVariable(ISSUE_TYPE_NAME);
    if (category != null) {
      parts.add(issueType == null || Objects.equals(category, issueType) ? category.toString() : category + ": " + issueType);
    }
    String name = String.join(" · ", parts);
    // Camunda keeps task names in a column of 255 characters
    task.setName(name.length() <= TextLimits.TASK_NAME ? name : name.substring(0, TextLimits.TASK_NAME - 1) + "…");
  }

  private static String inboxTitle(UserTask userTask) {
    if (userTask.getExtensionElements() != null) {
      for (CamundaProperties properties : userTask.getExtensionElements().getElementsQuery()
          .filterByType(CamundaProperties.class).list()) {
        for (CamundaProperty property : properties.getCamundaProperties()) {
          if (TITLE_PROPERTY.equals(property.getCamundaName())) {
            return property.getCamundaValue();
          }
        }
      }
    }
    return userTask.getName();
  }
}
