package ua.dnipro.contactcenter.inbox;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.emergency.EmergencyWatch;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * Every department of application.yaml gets its copy of processes/DepartmentWork.bpmn, deployed as
 * the engine is built (before any complaint can reach a department), and the engine makes no grant
 * per task for those copies' tasks ({@link DepartmentTaskGrants}); the grants on the copies are
 * made with the organisation (OrganisationSetup).
 */
@Component
class DepartmentWorkSetup extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DepartmentWorkSetup.class);

  private final ContactCenterProperties properties;

  DepartmentWorkSetup(ContactCenterProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new DepartmentTaskGrants());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    List<ProcessDefinition> deployed = new java.util.ArrayList<>();
    for (var deployment : List.of(DepartmentWork.deploy(engine.getRepositoryService(), properties.departments()),
        EmergencyWatch.deploy(engine.getRepositoryService(), properties.departments()))) {
      if (deployment.getDeployedProcessDefinitions() != null) {
        deployed.addAll(deployment.getDeployedProcessDefinitions());
      }
    }
    // nothing new when no copy changed (the deployment is filtered as a duplicate)
    if (deployed != null) {
      deployed.forEach(definition -> LOG.info("Deployed {} version {}", definition.getKey(), definition.getVersion()));
    }
  }
}
