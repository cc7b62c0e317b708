package ua.dnipro.contactcenter.emergency;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import ua.dnipro.contactcenter.complaint.DepartmentCopies;
import ua.dnipro.contactcenter.config.ContactCenterProperties.Department;
import ua.dnipro.contactcenter.organisation.CityGroups;

/**
 * The watch over an emergency: {@code processes/EmergencyWatch.bpmn}, deployed once per department
 * as {@code EmergencyWatch_<department>}, its tasks for the duty dispatchers and the department's
 * heads, who hold their grants on the copy (see EmergencyGrants): no grant per task.
 */
public final class EmergencyWatch {

  public static final String TEMPLATE = "processes/EmergencyWatch.bpmn";
  public static final String TEMPLATE_KEY = "EmergencyWatch";
  public static final String KEY_PREFIX = DepartmentCopies.EMERGENCY_WATCH_PREFIX;
  public static final String DEPLOYMENT_NAME = "emergency-watch";

  /** Element ids, as they stand in the template. */
  public static final class Elements {
    public static final String START_EMERGENCY_ARRIVED = "StartEvent_EmergencyArrived";
    public static final String TASK_RAISE_ALERT = "Task_RaiseEmergencyAlert";
    public static final String TASK_TAKE_UNDER_CONTROL = "Task_TakeEmergencyUnderControl";
    public static final String END_UNDER_CONTROL = "EndEvent_EmergencyUnderControl";
    public static final String CATCH_TAKING_TIME_UP = "CatchEvent_EmergencyTakingTimeUp";
    public static final String TASK_ESCALATE_UNTAKEN = "Task_EscalateUntakenEmergency";
    public static final String END_TAKEN = "EndEvent_EmergencyTaken";
    public static final String TASK_GET_TAKEN = "Task_GetEmergencyTaken";
    public static final String END_TAKEN_AFTER_ALL = "EndEvent_EmergencyTakenAfterAll";

    private Elements() {
    }
  }

  private EmergencyWatch() {
  }

  public static String keyOf(String department) {
    return KEY_PREFIX + department;
  }

  public static boolean isEmergencyWatch(String processDefinitionKey) {
    return processDefinitionKey != null && processDefinitionKey.startsWith(KEY_PREFIX);
  }

  /** Who watches a department's emergencies: the duty dispatchers and the department's heads. */
  public static List<String> watchers(String department) {
    return List.of(CityGroups.DUTY_DISPATCHERS, CityGroups.headsOf(department));
  }

  public static BpmnModelInstance modelFor(Department department) {
    BpmnModelInstance model = DepartmentCopies.copy(TEMPLATE, TEMPLATE_KEY, keyOf(department.id()), department.name());
    for (String task : List.of(Elements.TASK_TAKE_UNDER_CONTROL, Elements.TASK_GET_TAKEN)) {
      UserTask userTask = model.getModelElementById(task);
      userTask.setCamundaCandidateGroups(String.join(",", watchers(department.id())));
    }
    Bpmn.validateModel(model);
    return model;
  }

  public static DeploymentWithDefinitions deploy(RepositoryService repositoryService, List<Department> departments) {
    return DepartmentCopies.deploy(repositoryService, DEPLOYMENT_NAME, departments, EmergencyWatch::keyOf,
        EmergencyWatch::modelFor);
  }
}
