package ua.dnipro.contactcenter.inbox;

import ua.dnipro.contactcenter.organisation.CityGroups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.config.ContactCenterProperties.Department;
import ua.dnipro.contactcenter.emergency.EmergencyAlert;
import ua.dnipro.contactcenter.emergency.EmergencyWatch;

/**
 * Makes the organisation in application.yaml real in Camunda at every start, idempotently: a
 * group per department and one for its heads, the contact center's roles, Tasklist access for
 * everyone who works complaints, and the inbox filters. Groups are only ever added: one
 * removed from the configuration keeps its members and history until an administrator deletes it.
 */
@Component
@Order(20)
class OrganisationSetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationSetup.class);

  private final ContactCenterProperties properties;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final InboxFilters filters;

  OrganisationSetup(ContactCenterProperties properties, IdentityService identityService,
      AuthorizationService authorizationService, FilterService filterService, TaskService taskService,
      RepositoryService repositoryService) {
    this.properties = properties;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filters = new InboxFilters(filterService, taskService, authorizationService, repositoryService);
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> inboxGroups = new ArrayList<>();
    List<String> departmentGroups = new ArrayList<>();
    for (Department department : properties.departments()) {
      ensureGroup(department.id(), department.name());
      ensureGroup(CityGroups.headsOf(department.id()), "Керівництво: " + department.name());
      departmentGroups.add(department.id());
      departmentGroups.add(CityGroups.headsOf(department.id()));
      // the department's tasks, through the definition they belong to: no grant per task. READ_INSTANCE
      // for the list's columns, which are the tasks' own variables (the engine's variable query asks
      // for it); a department's instances hold only its tasks' schedule
      ensureGrant(department.id(), Resources.PROCESS_DEFINITION, DepartmentWork.keyOf(department.id()),
          Permissions.READ, ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
      // the watch over the department's emergencies: its heads and the duty dispatchers, on the copy
      for (String watcher : EmergencyWatch.watchers(department.id())) {
        ensureGrant(watcher, Resources.PROCESS_DEFINITION, EmergencyWatch.keyOf(department.id()),
            Permissions.READ, ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
      }
    }
    inboxGroups.addAll(departmentGroups);
    ensureGroup(CityGroups.DISPATCHERS, CityGroups.DISPATCHERS_NAME);
    ensureGroup(CityGroups.DUTY_DISPATCHERS, CityGroups.DUTY_DISPATCHERS_NAME);
    ensureGroup(CityGroups.CONTROLLERS, CityGroups.CONTROLLERS_NAME);
    ensureGroup(CityGroups.ANALYSTS, CityGroups.ANALYSTS_NAME);
    ensureGroup(CityGroups.EMERGENCY_ALERT_ADAPTERS, CityGroups.EMERGENCY_ALERT_ADAPTERS_NAME);
    // SMS or pager adapters: the emergency alerts' external tasks (fetch, complete, fail), nothing of
    // the complaints themselves; an alert carries no personal data
    ensureGrant(CityGroups.EMERGENCY_ALERT_ADAPTERS, Resources.PROCESS_DEFINITION, EmergencyAlert.KEY,
        Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE);
    inboxGroups.add(CityGroups.DISPATCHERS);
    inboxGroups.add(CityGroups.DUTY_DISPATCHERS);
    inboxGroups.add(CityGroups.CONTROLLERS);
    inboxGroups.forEach(group -> {
      ensureGrant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // the diagram of the process, in Tasklist; no instance and no applicant's data
      ensureGrant(group, Resources.PROCESS_DEFINITION, ComplaintProcess.KEY, Permissions.READ);
    });
    filters.ensure(properties.departments(), inboxGroups, departmentGroups);
    int narrowed = TaskGrants.narrowToTaskWork(authorizationService);
    if (narrowed > 0) {
      LOG.info("Narrowed {} task grants from UPDATE to TASK_WORK", narrowed);
    }
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

  /** A group's grant on a resource with at least these permissions (added to an existing grant if missing). */
  private void ensureGrant(String groupId, Resources resource, String resourceId, Permission... permissions) {
    Authorization grant = authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (grant == null) {
      grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(groupId);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
    } else if (java.util.Arrays.stream(permissions).allMatch(grant::isPermissionGranted)) {
      return;
    }
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizationService.saveAuthorization(grant);
  }
}
