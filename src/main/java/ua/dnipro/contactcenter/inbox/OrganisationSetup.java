package ua.dnipro.contactcenter.inbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.config.ContactCenterProperties.Department;

/**
 * Makes the organisation in application.yaml real in Camunda at every start, idempotently: a
 * group per department and one for its heads, the contact center's roles, Tasklist access for
 * everyone who works complaints, and the shared inbox filter. Groups are only ever added: one
 * removed from the configuration keeps its members and history until an administrator deletes it.
 */
@Component
@Order(20)
class OrganisationSetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationSetup.class);

  static final String OPEN_COMPLAINTS_FILTER = "Відкриті звернення";

  private final ContactCenterProperties properties;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;

  OrganisationSetup(ContactCenterProperties properties, IdentityService identityService,
      AuthorizationService authorizationService, FilterService filterService, TaskService taskService) {
    this.properties = properties;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> inboxGroups = new ArrayList<>();
    for (Department department : properties.departments()) {
      ensureGroup(department.id(), department.name());
      ensureGroup(Groups.headsOf(department.id()), "Керівництво: " + department.name());
      inboxGroups.add(department.id());
      inboxGroups.add(Groups.headsOf(department.id()));
    }
    ensureGroup(Groups.DISPATCHERS, "Диспетчери контакт-центру");
    ensureGroup(Groups.CONTROLLERS, "Контролери контакт-центру");
    ensureGroup(Groups.ANALYSTS, "Аналітики класифікатора");
    inboxGroups.add(Groups.DISPATCHERS);
    inboxGroups.add(Groups.CONTROLLERS);
    inboxGroups.forEach(group -> ensureApplicationAccess(group, "tasklist"));
    ensureOpenComplaintsFilter();
    LOG.info("Organisation ready: {} departments, {} groups with Tasklist access",
        properties.departments().size(), inboxGroups.size());
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
      LOG.info("Created group {} ({})", id, name);
    }
  }

  private void ensureApplicationAccess(String groupId, String application) {
    boolean granted = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(Resources.APPLICATION).resourceId(application).count() > 0;
    if (!granted) {
      Authorization access = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      access.setGroupId(groupId);
      access.setResource(Resources.APPLICATION);
      access.setResourceId(application);
      access.addPermission(Permissions.ACCESS);
      authorizationService.saveAuthorization(access);
    }
  }

  /**
   * One filter everybody may use: the engine shows each user only the tasks they are authorized
   * for (their groups' candidate tasks), soonest deadline first.
   */
  private void ensureOpenComplaintsFilter() {
    Filter filter = filterService.createFilterQuery().filterName(OPEN_COMPLAINTS_FILTER).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(OPEN_COMPLAINTS_FILTER);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", "Завдання ваших груп, найближчий строк першим");
    properties.put("priority", -10);
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", "complaintNumber", "label", "Номер"),
        Map.of("name", "categoryName", "label", "Категорія"),
        Map.of("name", "locationAddress", "label", "Адреса")));
    filter.setProperties(properties);
    filter.setQuery(taskService.createTaskQuery().orderByDueDate().asc());
    filterService.saveFilter(filter);

    boolean readableByAll = authorizationService.createAuthorizationQuery()
        .resourceType(Resources.FILTER).resourceId(filter.getId()).userIdIn(Authorization.ANY).count() > 0;
    if (!readableByAll) {
      Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      read.setUserId(Authorization.ANY);
      read.setResource(Resources.FILTER);
      read.setResourceId(filter.getId());
      read.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(read);
    }
  }
}
