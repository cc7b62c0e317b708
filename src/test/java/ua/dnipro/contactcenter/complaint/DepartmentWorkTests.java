package ua.dnipro.contactcenter.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ua.dnipro.contactcenter.config.ContactCenterProperties.Department;

/**
 * processes/DepartmentWork.bpmn as the application deploys it: one executable copy per department,
 * with the department's group as the task's candidates, and its one path (the complaint's process,
 * which calls it, is covered by ComplaintProcessTests).
 */
class DepartmentWorkTests {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("engine-tests.cfg.xml").build();

  static final Department WATER = new Department("water-utility", "КП «Дніпроводоканал»");
  static final Department LIFTS = new Department("lift-service", "КП «Ліфтсервіс»");

  @BeforeEach
  void listenersThatDoNothing() {
    BpmnAwareTests.init(engine.getProcessEngine());
    Mocks.register("labelTaskForInbox", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    Mocks.register("presentComplaintInInbox", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    // the photos are the application's (PhotosApiTests); the engine's tests show none
    Mocks.register("showPhotosOnTask", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    Mocks.register("checkTaskForm", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    // its rules are ComplaintProcessTests' (a request for more time checked against the complaint)
    Mocks.register("checkExtensionRequest", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    Mocks.register("checkMerge", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
  }

  @AfterEach
  void removeTheCopies() {
    engine.getRepositoryService().createDeploymentQuery().deploymentName(DepartmentWork.DEPLOYMENT_NAME).list()
        .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
    Mocks.reset();
  }

  @Test
  void eachDepartmentGetsAnExecutableCopyWithItsGroupAsTheTasksCandidates() {
    var copy = DepartmentWork.modelFor(WATER);
    assertThat((Object) copy.getModelElementById(DepartmentWork.TEMPLATE_KEY)).as("the template's id is gone").isNull();
    org.camunda.bpm.model.bpmn.instance.Process process = copy.getModelElementById("DepartmentWork_water-utility");
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getName()).endsWith("КП «Дніпроводоканал»");
    UserTask resolve = copy.getModelElementById(DepartmentWork.Elements.TASK_RESOLVE);
    assertThat(resolve.getCamundaCandidateGroups()).isEqualTo("water-utility");
  }

  @Test
  void aCopyIsDeployedAgainOnlyWhenItChangesAndTheTemplateItselfIsNeverExecutable() {
    DepartmentWork.deploy(engine.getRepositoryService(), List.of(WATER));
    DepartmentWork.deploy(engine.getRepositoryService(), List.of(WATER));
    DepartmentWork.deploy(engine.getRepositoryService(), List.of(WATER, LIFTS));

    List<ProcessDefinition> water = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(DepartmentWork.keyOf("water-utility")).list();
    assertThat(water).extracting(ProcessDefinition::getVersion).containsExactly(1);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(DepartmentWork.keyOf("lift-service")).count()).isEqualTo(1);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(DepartmentWork.TEMPLATE_KEY).count()).isZero();
  }

  @Test
  void theDepartmentResolvesTheComplaintInItsOneTaskScheduledByTheComplaintsTerms() {
    DepartmentWork.deploy(engine.getRepositoryService(), List.of(WATER));
    java.util.Date deadline = new java.util.Date(System.currentTimeMillis() + 6 * 3_600_000L);
    java.util.Date reminder = new java.util.Date(System.currentTimeMillis() + 4 * 3_600_000L);
    ProcessInstance work = engine.getRuntimeService().startProcessInstanceByKey(DepartmentWork.keyOf("water-utility"),
        "2026-000001", Map.of("slaDeadline", deadline, "slaReminderAt", reminder, "taskPriority", 90));

    assertThat(work).isWaitingAt(DepartmentWork.Elements.TASK_RESOLVE);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(work.getId()).singleResult();
    assertThat(task.getDueDate()).isEqualTo(deadline);
    assertThat(task.getFollowUpDate()).isEqualTo(reminder);
    assertThat(task.getPriority()).isEqualTo(90);
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("water-utility");

    engine.getTaskService().complete(task.getId(), Map.of("outcome", "RESOLVED", "resolution", "Порив усунуто"));
    // the department's decision is committed before the complaint goes on (asynchronous after the task)
    assertThat(work).isActive();
    Job next = engine.getManagementService().createJobQuery().processInstanceId(work.getId()).singleResult();
    engine.getManagementService().executeJob(next.getId());
    assertThat(work).hasPassed(DepartmentWork.Elements.TASK_RESOLVE,
        DepartmentWork.Elements.END_DEPARTMENT_DECIDED).isEnded();
  }
}
