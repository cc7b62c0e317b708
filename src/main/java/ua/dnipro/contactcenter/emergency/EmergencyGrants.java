package ua.dnipro.contactcenter.emergency;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.config.ContactCenterProperties.Department;
import ua.dnipro.contactcenter.organisation.CityGroups;
import ua.dnipro.contactcenter.organisation.Organisation;
import ua.dnipro.contactcenter.organisation.OrganisationPart;
import ua.dnipro.contactcenter.organisation.Provisioning;

/**
 * Who may work the emergencies' processes: each department's watch ({@link EmergencyWatch}) its
 * heads and the duty dispatchers, on the department's copy (no grant per task); the alerts
 * ({@link EmergencyAlert}) the SMS or pager adapters, as external tasks (fetch, complete, fail) and
 * nothing of the complaints themselves: an alert carries no personal data.
 */
@Component
class EmergencyGrants implements OrganisationPart {

  @Override
  public void provision(Organisation organisation, Provisioning provisioning) {
    for (Department department : organisation.departments()) {
      for (String watcher : EmergencyWatch.watchers(department.id())) {
        provisioning.grantToGroup(watcher, Resources.PROCESS_DEFINITION, EmergencyWatch.keyOf(department.id()),
            Permissions.READ, ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
      }
    }
    provisioning.grantToGroup(CityGroups.EMERGENCY_ALERT_ADAPTERS, Resources.PROCESS_DEFINITION, EmergencyAlert.KEY,
        Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE);
  }
}
