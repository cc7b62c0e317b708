package ua.dnipro.contactcenter.organisation;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.config.ContactCenterProperties.Department;
import ua.dnipro.contactcenter.config.Precedence;

/**
 * Makes the organisation in application.yaml real in Camunda at every start, idempotently: a
 * group per department and one for its heads, the contact center's roles, each department's grant
 * on its own process, Tasklist access for everyone who works complaints, and then each feature's
 * {@link OrganisationPart part}. Groups are only ever added: one removed from the configuration
 * keeps its members and history until an administrator deletes it.
 */
@Component
@Order(Precedence.StartUp.ORGANISATION)
class OrganisationSetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationSetup.class);

  private final ContactCenterProperties properties;
  private final Provisioning provisioning;
  private final ObjectProvider<OrganisationPart> parts;

  OrganisationSetup(ContactCenterProperties properties, IdentityService identityService,
      AuthorizationService authorizationService, ObjectProvider<OrganisationPart> parts) {
    this.properties = properties;
    this.provisioning = new Provisioning(identityService, authorizationService);
    this.parts = parts;
  }

  @Override
  public void run(ApplicationArguments args) {
    Organisation organisation = new Organisation(properties.departments());
    for (Department department : organisation.departments()) {
      provisioning.group(department.id(), department.name(), Groups.GROUP_TYPE_WORKFLOW);
      provisioning.group(CityGroups.headsOf(department.id()), "Керівництво: " + department.name(),
          Groups.GROUP_TYPE_WORKFLOW);
      // the department's tasks, through the definition they belong to: no grant per task. READ_INSTANCE
      // for the list's columns, which are the tasks' own variables (the engine's variable query asks
      // for it); a department's instances hold only its tasks' schedule
      provisioning.grantToGroup(department.id(), Resources.PROCESS_DEFINITION, DepartmentWork.keyOf(department.id()),
          Permissions.READ, ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    }
    for (List<String> role : List.of(List.of(CityGroups.DISPATCHERS, CityGroups.DISPATCHERS_NAME),
        List.of(CityGroups.DUTY_DISPATCHERS, CityGroups.DUTY_DISPATCHERS_NAME),
        List.of(CityGroups.CONTROLLERS, CityGroups.CONTROLLERS_NAME),
        List.of(CityGroups.ANALYSTS, CityGroups.ANALYSTS_NAME),
        List.of(CityGroups.EMERGENCY_ALERT_ADAPTERS, CityGroups.EMERGENCY_ALERT_ADAPTERS_NAME))) {
      provisioning.group(role.get(0), role.get(1), Groups.GROUP_TYPE_WORKFLOW);
    }
    for (String group : organisation.inboxGroups()) {
      provisioning.grantToGroup(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // the diagram of the process, in Tasklist; no instance and no applicant's data
      provisioning.grantToGroup(group, Resources.PROCESS_DEFINITION, ComplaintProcess.KEY, Permissions.READ);
    }
    parts.orderedStream().forEach(part -> part.provision(organisation, provisioning));
    LOG.info("Organisation ready: {} departments, {} groups with Tasklist access",
        organisation.departments().size(), organisation.inboxGroups().size());
  }
}
