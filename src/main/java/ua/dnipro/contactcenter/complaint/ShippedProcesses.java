package ua.dnipro.contactcenter.complaint;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Which version of a process this node starts: the one deployed when it first started one (the
 * processes ship with the application and are deployed at its start; nothing deploys them later).
 * Starting by key would ask the database for the latest version at every start, twice per filing;
 * and in a rolling upgrade a node keeps starting the version whose steps it knows.
 */
@Component
public class ShippedProcesses {

  private final Map<String, String> definitionIds = new ConcurrentHashMap<>();
  private final boolean remember;

  public ShippedProcesses() {
    this(true);
  }

  private ShippedProcesses(boolean remember) {
    this.remember = remember;
  }

  /** For engines whose deployments come and go (the model tests): the latest version, every time. */
  public static ShippedProcesses latestEveryTime() {
    return new ShippedProcesses(false);
  }

  public String definitionId(RepositoryService repositoryService, String key) {
    if (!remember) {
      return latest(repositoryService, key);
    }
    return definitionIds.computeIfAbsent(key, k -> latest(repositoryService, k));
  }

  private static String latest(RepositoryService repositoryService, String key) {
    ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().withoutTenantId().singleResult();
    if (latest == null) {
      throw new IllegalStateException("process " + key + " is not deployed");
    }
    return latest.getId();
  }
}
