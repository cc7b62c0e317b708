package ua.dnipro.contactcenter.complaint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import ua.dnipro.contactcenter.config.ContactCenterProperties.Department;

/**
 * A process template of the repository's processes/ deployed once per department, so that a
 * department's groups hold their grants on their own copy and the engine needs none per task: the
 * department's work ({@link DepartmentWork}) and the watch over its emergencies.
 */
public final class DepartmentCopies {

  /** The keys of the copies of processes/EmergencyWatch.bpmn (see emergency.EmergencyWatch). */
  public static final String EMERGENCY_WATCH_PREFIX = "EmergencyWatch_";

  private DepartmentCopies() {
  }

  /** The template as the copy {@code key}, named "<template's name>: <department's name>", executable. */
  public static BpmnModelInstance copy(String templatePath, String templateKey, String key, String departmentName) {
    BpmnModelInstance model;
    try (InputStream template = DepartmentCopies.class.getClassLoader().getResourceAsStream(templatePath)) {
      if (template == null) {
        throw new IllegalStateException(templatePath + " is not on the classpath");
      }
      model = Bpmn.readModelFromStream(template);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Process process = model.getModelElementById(templateKey);
    process.setId(key);
    process.setName(process.getName() + ": " + departmentName);
    process.setExecutable(true);
    for (BpmnPlane plane : model.getModelElementsByType(BpmnPlane.class)) {
      if (plane.getBpmnElement() == null) {
        plane.setBpmnElement(process);
      }
    }
    return model;
  }

  /**
   * Deploys every department's copy in one deployment; a copy that did not change is not deployed
   * again (so its version stays), a changed template or a new department gives new versions.
   */
  public static DeploymentWithDefinitions deploy(RepositoryService repositoryService, String deploymentName,
      List<Department> departments, Function<String, String> keyOf, Function<Department, BpmnModelInstance> modelFor) {
    DeploymentBuilder deployment = repositoryService.createDeployment().name(deploymentName)
        .source("contact-center").enableDuplicateFiltering(true);
    for (Department department : departments) {
      deployment.addModelInstance(keyOf.apply(department.id()) + ".bpmn", modelFor.apply(department));
    }
    return deployment.deployWithResult();
  }
}
