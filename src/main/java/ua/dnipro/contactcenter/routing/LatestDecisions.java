package ua.dnipro.contactcenter.routing;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Which version of each of the classifier's decisions is the latest, as this node knows it. Every
 * filing asked the database four times (the catalogue that checks the request, the routing and SLA
 * tables, each by "the latest version of this key"), for an answer that changes when an analyst
 * deploys. Known here, it is asked again when a decision is deployed on this node (at once, and
 * again when that deployment commits), when the version known has been deleted, and otherwise
 * every {@link #FRESH_SECONDS} seconds, for what another node deployed: a new version takes effect
 * for the next complaint on its node, and within two seconds on the others. A version deleted on
 * this node leaves the engine's deployment cache, and is asked for again then; one deleted on
 * another node is used, from memory, for at most those two seconds.
 */
@Component
public class LatestDecisions extends AbstractProcessEnginePlugin {

  static final long FRESH_SECONDS = 2;
  private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(FRESH_SECONDS);
  /** Per engine (tests run several in one JVM), by the engine's repository service. */
  private static final Map<RepositoryService, Map<String, Known>> KNOWN =
      Collections.synchronizedMap(new WeakHashMap<>());
  /** The engines this plugin is part of: only their deployments are seen, so only theirs are remembered. */
  private static final Map<RepositoryService, DeploymentCache> ENGINES =
      Collections.synchronizedMap(new WeakHashMap<>());

  private record Known(DecisionDefinition definition, long readAt) {
  }

  /**
   * Does something with the latest version of a decision: the one known, if it is fresh and still
   * there, or the one the query finds (null if none is deployed).
   */
  static <T> T use(RepositoryService repositoryService, String key, Supplier<DecisionDefinition> query,
      Function<DecisionDefinition, T> action) {
    DeploymentCache deployed = ENGINES.get(repositoryService);
    if (deployed == null) {
      return action.apply(query.get());
    }
    Map<String, Known> known = KNOWN.computeIfAbsent(repositoryService, engine -> new ConcurrentHashMap<>());
    Known cached = known.get(key);
    long now = System.nanoTime();
    // still in the engine's cache: not deleted on this node (a deletion removes it there)
    if (cached != null && now - cached.readAt() < FRESH_NANOS
        && deployed.findDecisionDefinitionFromCache(cached.definition().getId()) != null) {
      return action.apply(cached.definition());
    }
    DecisionDefinition latest = query.get();
    if (latest != null) {
      known.put(key, new Known(latest, now));
    }
    return action.apply(latest);
  }

  static void forgetAll() {
    KNOWN.clear();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = configuration.getCustomPostDeployers() == null ? new java.util.ArrayList<>()
        : new java.util.ArrayList<>(configuration.getCustomPostDeployers());
    deployers.add(deployment -> {
      if (deployment.getDeployedDecisionDefinitions() != null && !deployment.getDeployedDecisionDefinitions().isEmpty()) {
        forgetAll();
        if (Context.getCommandContext() != null) {
          Context.getCommandContext().getTransactionContext()
              .addTransactionListener(TransactionState.COMMITTED, committed -> forgetAll());
        }
      }
    });
    configuration.setCustomPostDeployers(deployers);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    ENGINES.put(configuration.getRepositoryService(), configuration.getDeploymentCache());
  }

  /** For tests of the rule alone: remembers for this engine, whose deployments it is told of. */
  static void seeDeploymentsOf(RepositoryService repositoryService, DeploymentCache deployed) {
    ENGINES.put(repositoryService, deployed);
  }
}
