package ua.dnipro.contactcenter.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LatestDecisionsTests {

  final RepositoryService engine = new RepositoryServiceImpl();
  final RepositoryService otherEngine = new RepositoryServiceImpl();
  final AtomicInteger queries = new AtomicInteger();
  DecisionDefinition latest = definition("ComplaintRouting:7:a");

  @BeforeEach
  void nothingKnown() {
    LatestDecisions.forgetAll();
  }

  static DecisionDefinition definition(String id) {
    DecisionDefinitionEntity definition = new DecisionDefinitionEntity();
    definition.setId(id);
    return definition;
  }

  String use(RepositoryService repositoryService) {
    return LatestDecisions.use(repositoryService, "ComplaintRouting", () -> {
      queries.incrementAndGet();
      return latest;
    }, DecisionDefinition::getId);
  }

  @Test
  void theDatabaseIsAskedOnce_thenAgainWhenADecisionIsDeployedHere() {
    assertThat(use(engine)).isEqualTo("ComplaintRouting:7:a");
    assertThat(use(engine)).isEqualTo("ComplaintRouting:7:a");
    assertThat(queries).hasValue(1);

    latest = definition("ComplaintRouting:8:b");
    LatestDecisions.forgetAll(); // what the post-deployer does for a deployment with decisions
    assertThat(use(engine)).isEqualTo("ComplaintRouting:8:b");
    assertThat(queries).hasValue(2);
  }

  @Test
  void eachEngineKnowsItsOwn() {
    use(engine);
    use(otherEngine);
    assertThat(queries).hasValue(2);
  }

  @Test
  void aVersionDeletedSinceIsAskedForAgain_andARealFailureStillFails() {
    use(engine);
    latest = definition("ComplaintRouting:9:c");
    String used = LatestDecisions.use(engine, "ComplaintRouting", () -> {
      queries.incrementAndGet();
      return latest;
    }, definition -> {
      if (definition.getId().equals("ComplaintRouting:7:a")) {
        throw new ProcessEngineException("no deployed decision definition found with id 'ComplaintRouting:7:a'");
      }
      return definition.getId();
    });
    assertThat(used).isEqualTo("ComplaintRouting:9:c");

    assertThatThrownBy(() -> LatestDecisions.use(engine, "ComplaintRouting", () -> latest, definition -> {
      throw new ProcessEngineException("FEEL: cannot evaluate");
    })).hasMessageContaining("FEEL");
  }

  @Test
  void noneDeployedIsNotRemembered() {
    latest = null;
    String none = LatestDecisions.use(engine, "ComplaintRouting", () -> {
      queries.incrementAndGet();
      return latest;
    }, definition -> definition == null ? "none" : definition.getId());
    assertThat(none).isEqualTo("none");
    latest = definition("ComplaintRouting:1:d");
    assertThat(use(engine)).isEqualTo("ComplaintRouting:1:d");
    assertThat(queries).hasValue(2);
  }
}
