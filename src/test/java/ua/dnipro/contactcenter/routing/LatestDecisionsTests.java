package ua.dnipro.contactcenter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DefaultCacheFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rule alone; that a deployment takes effect for the next complaint is ClassifierDeploymentTests'. */
class LatestDecisionsTests {

  final RepositoryService engine = new RepositoryServiceImpl();
  final DeploymentCache deployedHere = new DeploymentCache(new DefaultCacheFactory(), 100);
  final AtomicInteger queries = new AtomicInteger();
  DecisionDefinitionEntity latest = deployed("ComplaintRouting:7:a");

  @BeforeEach
  void nothingKnown() {
    LatestDecisions.forgetAll();
    LatestDecisions.seeDeploymentsOf(engine, deployedHere);
  }

  DecisionDefinitionEntity deployed(String id) {
    DecisionDefinitionEntity definition = new DecisionDefinitionEntity();
    definition.setId(id);
    definition.setKey("ComplaintRouting");
    deployedHere.addDecisionDefinition(definition);
    return definition;
  }

  String use(RepositoryService repositoryService) {
    return LatestDecisions.use(repositoryService, "ComplaintRouting", () -> {
      queries.incrementAndGet();
      return latest;
    }, definition -> definition == null ? "none" : definition.getId());
  }

  @Test
  void theDatabaseIsAskedOnce_thenAgainWhenADecisionIsDeployedHere() {
    assertThat(use(engine)).isEqualTo("ComplaintRouting:7:a");
    assertThat(use(engine)).isEqualTo("ComplaintRouting:7:a");
    assertThat(queries).hasValue(1);

    latest = deployed("ComplaintRouting:8:b");
    LatestDecisions.forgetAll(); // what the post-deployer does for a deployment with decisions
    assertThat(use(engine)).isEqualTo("ComplaintRouting:8:b");
    assertThat(queries).hasValue(2);
  }

  @Test
  void aVersionDeletedOnThisNodeLeavesTheEnginesCache_andIsAskedForAgain() {
    use(engine);
    latest = deployed("ComplaintRouting:6:z");
    deployedHere.removeDecisionDefinition("ComplaintRouting:7:a");
    assertThat(use(engine)).isEqualTo("ComplaintRouting:6:z");
    assertThat(queries).hasValue(2);
  }

  @Test
  void anEngineWithoutThePluginIsAskedEveryTime_forItsDeploymentsAreNotSeen() {
    RepositoryService unseen = new RepositoryServiceImpl();
    use(unseen);
    use(unseen);
    assertThat(queries).hasValue(2);
  }

  @Test
  void noneDeployedIsNotRemembered() {
    latest = null;
    assertThat(use(engine)).isEqualTo("none");
    latest = deployed("ComplaintRouting:1:d");
    assertThat(use(engine)).isEqualTo("ComplaintRouting:1:d");
    assertThat(queries).hasValue(2);
  }
}
