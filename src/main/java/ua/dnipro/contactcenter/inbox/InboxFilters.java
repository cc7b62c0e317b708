package ua.dnipro.contactcenter.inbox;

import ua.dnipro.contactcenter.organisation.CityGroups;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.TaskQuery;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.config.ContactCenterProperties.Department;
import ua.dnipro.contactcenter.organisation.Organisation;
import ua.dnipro.contactcenter.organisation.Provisioning;

/**
 * The Tasklist filters, in Ukrainian, each readable by the groups that need it (a user of no
 * group sees none). A filter shows each user only the tasks the engine lets them read. Created at
 * every start and brought up to date; only administrators may create filters, because a stored
 * filter runs its expressions for whoever opens it.
 */
class InboxFilters {

  static final String OPEN = "Відкриті звернення";
  static final String OVERDUE = "Прострочені";
  static final String EMERGENCY = "Аварійні (6 годин)";
  static final String MINE = "Призначені мені";
  static final String EARLIER_OPEN = "Відкриті звернення, отримані до оновлення";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final RepositoryService repositoryService;

  InboxFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
      RepositoryService repositoryService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.repositoryService = repositoryService;
  }

  void ensure(Organisation organisation, Provisioning provisioning) {
    List<Department> departments = organisation.departments();
    List<String> allInboxGroups = organisation.inboxGroups();
    List<String> departmentGroups = organisation.departmentGroups();
    // a department's own tasks are those of its process definition (DepartmentWork_<department>), on
    // which it holds its grant: the engine then checks a handful of grants, not one per task, and
    // needs no candidate-group join (see docs/development.md, "Tasklist at city scale")
    for (Department department : departments) {
      ensure(provisioning, departmentOpen(department), "Завдання підрозділу, найближчий строк першим", -10,
          departmentTasks(department).orderByDueDate().asc(), List.of(department.id()));
      // first in the executors' list: an emergency is taken before anything else
      ensure(provisioning, departmentEmergency(department), "Аварійні звернення підрозділу: 6 годин на виконання", -11,
          departmentTasks(department).processVariableValueEquals(Variables.SLA_TIER, "EMERGENCY").orderByDueDate().asc(),
          List.of(department.id()));
    }
    // complaints that reached a department before it had its own process wait in the complaint's
    // process, granted per task: the departments see them here until the last one is done
    List<String> departmentIds = departments.stream().map(Department::id).toList();
    if (taskService.createTaskQuery().processDefinitionKey(ComplaintProcess.KEY)
        .taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).count() > 0) {
      ensure(provisioning, EARLIER_OPEN, "Завдання підрозділу з часу до його власного процесу", -9,
          taskService.createTaskQuery().processDefinitionKey(ComplaintProcess.KEY)
              .taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE)
              .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks().orderByDueDate().asc(),
          departmentIds);
    } else {
      Filter earlier = filterService.createFilterQuery().filterName(EARLIER_OPEN).singleResult();
      if (earlier != null) {
        filterService.deleteFilter(earlier.getId());
      }
    }
    // everybody else's work (heads, dispatchers, controllers) is a few tasks, each granted to its group
    List<String> othersGroups = allInboxGroups.stream().filter(group -> !departmentIds.contains(group)).toList();
    ensure(provisioning, OPEN, "Завдання ваших груп, найближчий строк першим", -10,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .orderByDueDate().asc(), othersGroups);
    ensure(provisioning, OVERDUE, "Строк виконання минув", -9,
        taskService.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(), allInboxGroups);
    List<String> headsAndControllers = new ArrayList<>(departmentGroups.stream()
        .filter(group -> !departmentIds.contains(group)).toList());
    headsAndControllers.add(CityGroups.CONTROLLERS);
    headsAndControllers.add(CityGroups.DUTY_DISPATCHERS);
    ensure(provisioning, EMERGENCY, "Аварійні звернення: 6 годин на виконання", -11,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .processVariableValueEquals(Variables.SLA_TIER, "EMERGENCY").orderByDueDate().asc(),
        headsAndControllers);
    ensure(provisioning, MINE, "Завдання, які ви взяли в роботу", -7,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(), allInboxGroups);
  }

  /**
   * A department's tasks: those of its process definition's current version, which PostgreSQL reads
   * from the index on (definition, due date, creation) in the list's order and stops at the page
   * (1-2 ms at 17,000 of a department's tasks, instead of sorting them all: 35-50 ms); by the
   * definition's key while tasks of an earlier version are still open (after a release that changed
   * processes/DepartmentWork.bpmn, until the start after the last of them is done).
   */
  private TaskQuery departmentTasks(Department department) {
    String key = DepartmentWork.keyOf(department.id());
    ProcessDefinition current = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().withoutTenantId().singleResult();
    if (current != null && taskService.createTaskQuery().processDefinitionKey(key).count()
        == taskService.createTaskQuery().processDefinitionId(current.getId()).count()) {
      return taskService.createTaskQuery().processDefinitionId(current.getId());
    }
    return taskService.createTaskQuery().processDefinitionKey(key);
  }

  /** The name of a department's open-tasks filter: "Відкриті звернення: КП «Дніпроводоканал»". */
  static String departmentOpen(Department department) {
    return OPEN + ": " + department.name();
  }

  /** The name of a department's emergency filter: "Аварійні (6 годин): КП «Дніпроводоканал»". */
  static String departmentEmergency(Department department) {
    return EMERGENCY + ": " + department.name();
  }

  private void ensure(Provisioning provisioning, String name, String description, int priority, TaskQuery query, List<String> groups) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    // task-local: the list may show only what the user may read, and they may read the task. The
    // address is a reference to the personal-data vault (read, and logged, when the list is shown);
    // Tasklist shows the first two columns at once (the category is in the task's name too)
    properties.put("variables", List.of(
        Map.of("name", PresentComplaintInInbox.NUMBER_COLUMN, "label", "Номер"),
        Map.of("name", PresentComplaintInInbox.ADDRESS_COLUMN, "label", "Адреса"),
        Map.of("name", PresentComplaintInInbox.CATEGORY_COLUMN, "label", "Категорія")));
    filter.setProperties(properties);
    filter.setQuery(query);
    filterService.saveFilter(filter);
    grantReadTo(provisioning, filter.getId(), Set.copyOf(groups));
  }

  private void grantReadTo(Provisioning provisioning, String filterId, Set<String> groups) {
    for (Authorization existing : authorizationService.createAuthorizationQuery()
        .resourceType(Resources.FILTER).resourceId(filterId).list()) {
      // an earlier version let every user read the filters, or other groups (the departments read
      // the shared open-tasks filter before they had their own)
      if (Authorization.ANY.equals(existing.getUserId())
          || existing.getGroupId() != null && !groups.contains(existing.getGroupId())) {
        authorizationService.deleteAuthorization(existing.getId());
      }
    }
    for (String group : groups) {
      provisioning.grantToGroupIfAbsent(group, Resources.FILTER, filterId, Permissions.READ);
    }
  }
}
