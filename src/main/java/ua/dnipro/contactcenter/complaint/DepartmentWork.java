package ua.dnipro.contactcenter.complaint;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import ua.dnipro.contactcenter.config.ContactCenterProperties.Department;

/**
 * A department's work on a complaint: {@code processes/DepartmentWork.bpmn}, deployed once per
 * department as {@code DepartmentWork_<department>}. The department's group may read and work the
 * tasks of its own definition (granted on the definition, see OrganisationSetup), so no task needs a
 * grant of its own: Tasklist's authorization check then compares a department's open tasks with a
 * handful of grants instead of one grant per task (docs/development.md, "Tasklist at city scale").
 */
public final class DepartmentWork {

  /** The template in the repository's processes/. */
  public static final String TEMPLATE = "processes/DepartmentWork.bpmn";
  public static final String TEMPLATE_KEY = "DepartmentWork";
  public static final String KEY_PREFIX = TEMPLATE_KEY + "_";
  /** The deployment that holds every department's copy (its versions are the copies' history). */
  public static final String DEPLOYMENT_NAME = "department-work";

  /** Element ids, as they stand in the template. */
  public static final class Elements {
    public static final String START_COMPLAINT_IN_INBOX = "StartEvent_ComplaintInInbox";
    public static final String TASK_RESOLVE = "Task_ResolveComplaint";
    public static final String END_DEPARTMENT_DECIDED = "EndEvent_DepartmentDecided";

    private Elements() {
    }
  }

  private DepartmentWork() {
  }

  /** The key of a department's copy, the one {@code CallActivity_ResolveInDepartment} calls. */
  public static String keyOf(String department) {
    return KEY_PREFIX + department;
  }

  /** Whether a process definition key is a department's copy. */
  public static boolean isDepartmentWork(String processDefinitionKey) {
    return processDefinitionKey != null && processDefinitionKey.startsWith(KEY_PREFIX);
  }

  /** The department's copy of the template: its own key and name, its group as the task's candidates. */
  public static BpmnModelInstance modelFor(Department department) {
    BpmnModelInstance model = DepartmentCopies.copy(TEMPLATE, TEMPLATE_KEY, keyOf(department.id()), department.name());
    UserTask resolve = model.getModelElementById(Elements.TASK_RESOLVE);
    resolve.setCamundaCandidateGroups(department.id());
    Bpmn.validateModel(model);
    return model;
  }

  /**
   * Deploys every department's copy; a copy that did not change is not deployed again (so its
   * version stays), a changed template or a new department gives new versions.
   */
  public static DeploymentWithDefinitions deploy(RepositoryService repositoryService, List<Department> departments) {
    return DepartmentCopies.deploy(repositoryService, DEPLOYMENT_NAME, departments, DepartmentWork::keyOf,
        DepartmentWork::modelFor);
  }
}
