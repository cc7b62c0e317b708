package ua.dnipro.contactcenter.inbox;

import ua.dnipro.contactcenter.organisation.CityGroups;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.config.ContactCenterProperties.Department;
import ua.dnipro.contactcenter.organisation.Organisation;
import ua.dnipro.contactcenter.organisation.Provisioning;

/**
 * Which filter each group reads: a department its own open-tasks filter (its process definition's
 * tasks), everybody else the shared one; and, while complaints from before the departments had
 * their own process are open, a filter for those.
 */
class InboxFiltersTests {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("engine-tests.cfg.xml").build();

  static final Department WATER = new Department("water-utility", "КП «Дніпроводоканал»");
  static final List<String> ALL_GROUPS = List.of("water-utility", "water-utility-heads", CityGroups.DISPATCHERS,
      CityGroups.DUTY_DISPATCHERS, CityGroups.CONTROLLERS);

  @AfterEach
  void removeFiltersAndModels() {
    engine.getFilterService().createFilterQuery().list().forEach(filter -> engine.getFilterService().deleteFilter(filter.getId()));
    engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.FILTER).list()
        .forEach(grant -> engine.getAuthorizationService().deleteAuthorization(grant.getId()));
    engine.getRepositoryService().createDeploymentQuery().list()
        .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
  }

  @Test
  void aDepartmentReadsItsOwnFilterOfItsDefinitionsTasksAndNotTheSharedOne() {
    String current = DepartmentWork.deploy(engine.getRepositoryService(), List.of(WATER)).getDeployedProcessDefinitions()
        .get(0).getId();
    assertThat(new Organisation(List.of(WATER)).inboxGroups()).containsExactlyElementsOf(ALL_GROUPS);
    filters().ensure(new Organisation(List.of(WATER)),
        new Provisioning(engine.getIdentityService(), engine.getAuthorizationService()));

    Filter own = filter(InboxFilters.departmentOpen(WATER));
    assertThat(readers(own)).containsExactly("water-utility");
    assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) own.getQuery()).getProcessDefinitionId())
        .as("the current version's tasks, read in order from the (definition, due date) index").isEqualTo(current);
    assertThat(readers(filter(InboxFilters.OPEN))).containsExactlyInAnyOrder("water-utility-heads", CityGroups.DISPATCHERS,
        CityGroups.DUTY_DISPATCHERS, CityGroups.CONTROLLERS);
    Filter emergency = filter(InboxFilters.departmentEmergency(WATER));
    assertThat(readers(emergency)).containsExactly("water-utility");
    assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) emergency.getQuery()).getProcessDefinitionId())
        .isEqualTo(current);
    assertThat(readers(filter(InboxFilters.EMERGENCY))).containsExactlyInAnyOrder("water-utility-heads",
        CityGroups.CONTROLLERS, CityGroups.DUTY_DISPATCHERS);
    assertThat(priority(emergency)).as("an executor's emergencies are listed first")
        .isLessThan(priority(own));
    assertThat(engine.getFilterService().createFilterQuery().filterName(InboxFilters.EARLIER_OPEN).count())
        .as("no complaint from before").isZero();
  }

  @Test
  void tasksFromBeforeTheDepartmentsProcessesHaveTheirFilterUntilTheLastIsDone() {
    // a complaint that reached the water utility under an earlier version of the complaint's process
    engine.getRepositoryService().createDeployment().addModelInstance("ComplaintProcess.bpmn", earlierComplaintProcess())
        .deploy();
    engine.getRuntimeService().startProcessInstanceByKey(ComplaintProcess.KEY, "2025-000001");

    filters().ensure(new Organisation(List.of(WATER)),
        new Provisioning(engine.getIdentityService(), engine.getAuthorizationService()));
    Filter earlier = filter(InboxFilters.EARLIER_OPEN);
    assertThat(readers(earlier)).containsExactly("water-utility");
    engine.getIdentityService().setAuthentication("w.executor", List.of("water-utility"));
    List<Task> shown;
    try {
      shown = engine.getFilterService().list(earlier.getId());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(shown).extracting(Task::getTaskDefinitionKey).containsExactly(DepartmentWork.Elements.TASK_RESOLVE);

    engine.getTaskService().complete(shown.get(0).getId());
    filters().ensure(new Organisation(List.of(WATER)),
        new Provisioning(engine.getIdentityService(), engine.getAuthorizationService()));
    assertThat(engine.getFilterService().createFilterQuery().filterName(InboxFilters.EARLIER_OPEN).count())
        .as("gone with the last of them").isZero();
  }

  @Test
  void aDepartmentsEmergencyFilterShowsItsEmergencyComplaintsOnly() {
    org.camunda.bpm.engine.test.mock.Mocks.register("labelTaskForInbox", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    org.camunda.bpm.engine.test.mock.Mocks.register("presentComplaintInInbox", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    org.camunda.bpm.engine.test.mock.Mocks.register("showPhotosOnTask", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    org.camunda.bpm.engine.test.mock.Mocks.register("checkTaskForm", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    try {
      DepartmentWork.deploy(engine.getRepositoryService(), List.of(WATER));
      for (String tier : List.of("EMERGENCY", "LONG")) {
        engine.getRuntimeService().startProcessInstanceByKey(DepartmentWork.keyOf("water-utility"), "2026-" + tier,
            java.util.Map.of("slaDeadline", new java.util.Date(), "slaReminderAt", new java.util.Date(), "taskPriority", 50,
                "slaTier", tier));
      }
      filters().ensure(new Organisation(List.of(WATER)),
        new Provisioning(engine.getIdentityService(), engine.getAuthorizationService()));

      engine.getIdentityService().setAuthentication("w.executor", List.of("water-utility"));
      try {
        assertThat(engine.getFilterService().count(filter(InboxFilters.departmentEmergency(WATER)).getId())).isEqualTo(1);
        assertThat(engine.getFilterService().count(filter(InboxFilters.departmentOpen(WATER)).getId())).isEqualTo(2);
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    } finally {
      org.camunda.bpm.engine.test.mock.Mocks.reset();
    }
  }

  @Test
  void whileTasksOfAnEarlierVersionOfTheDepartmentsProcessAreOpenItsFilterShowsEveryVersion() {
    org.camunda.bpm.engine.test.mock.Mocks.register("labelTaskForInbox", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    org.camunda.bpm.engine.test.mock.Mocks.register("presentComplaintInInbox", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    org.camunda.bpm.engine.test.mock.Mocks.register("showPhotosOnTask", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    org.camunda.bpm.engine.test.mock.Mocks.register("checkTaskForm", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    try {
      DepartmentWork.deploy(engine.getRepositoryService(), List.of(WATER));
      engine.getRuntimeService().startProcessInstanceByKey(DepartmentWork.keyOf("water-utility"), "2026-000001",
          java.util.Map.of("slaDeadline", new java.util.Date(), "slaReminderAt", new java.util.Date(), "taskPriority", 50,
              "slaTier", "LONG"));
      // a release that changed the template: a new version beside the open task of the earlier one
      engine.getRepositoryService().createDeployment().addModelInstance(DepartmentWork.keyOf("water-utility") + ".bpmn",
          DepartmentWork.modelFor(new Department("water-utility", "КП «Дніпроводоканал» (нова версія)"))).deploy();

      filters().ensure(new Organisation(List.of(WATER)),
        new Provisioning(engine.getIdentityService(), engine.getAuthorizationService()));

      var query = (org.camunda.bpm.engine.impl.TaskQueryImpl) filter(InboxFilters.departmentOpen(WATER)).getQuery();
      assertThat(query.getProcessDefinitionId()).isNull();
      assertThat(query.getProcessDefinitionKey()).isEqualTo(DepartmentWork.keyOf("water-utility"));
      engine.getIdentityService().setAuthentication("w.executor", List.of("water-utility"));
      try {
        assertThat(engine.getFilterService().count(filter(InboxFilters.departmentOpen(WATER)).getId())).isEqualTo(1);
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    } finally {
      org.camunda.bpm.engine.test.mock.Mocks.reset();
    }
  }

  InboxFilters filters() {
    return new InboxFilters(engine.getFilterService(), engine.getTaskService(), engine.getAuthorizationService(),
        engine.getRepositoryService());
  }

  Filter filter(String name) {
    return engine.getFilterService().createFilterQuery().filterName(name).singleResult();
  }

  List<String> readers(Filter filter) {
    return engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(filter.getId()).list().stream().map(Authorization::getGroupId).toList();
  }

  static BpmnModelInstance earlierComplaintProcess() {
    return Bpmn.createExecutableProcess(ComplaintProcess.KEY).camundaHistoryTimeToLive(1825)
        .startEvent().userTask(DepartmentWork.Elements.TASK_RESOLVE).camundaCandidateGroups("water-utility")
        .endEvent().done();
  }

  static int priority(Filter filter) {
    return ((Number) filter.getProperties().get("priority")).intValue();
  }
}
