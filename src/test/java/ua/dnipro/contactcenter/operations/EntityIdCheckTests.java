package ua.dnipro.contactcenter.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

class EntityIdCheckTests {

  /** An entity that may not be shown: the check must not make its message unless it refuses. */
  record Row(String id) implements DbEntity {
    @Override
    public String getId() {
      return id;
    }

    @Override
    public void setId(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object getPersistentState() {
      return id;
    }

    @Override
    public String toString() {
      throw new AssertionError("the message was made for a good id");
    }
  }

  static final class Shown implements DbEntity {
    @Override
    public String getId() {
      return "*";
    }

    @Override
    public void setId(String id) {
    }

    @Override
    public Object getPersistentState() {
      return null;
    }

    @Override
    public String toString() {
      return "Shown[*]";
    }
  }

  final EntityIdCheck.CheckingFirst manager = new EntityIdCheck.CheckingFirst(new StandaloneInMemProcessEngineConfiguration(), null);

  @Test
  void aGoodIdPassesWithoutItsEntityBeingWrittenOut() {
    manager.validateId(new Row("8f14e45f-ceea-11ef-9f9e-0242ac120002"));
  }

  @Test
  void aBadIdIsRefusedInTheEnginesOwnWords() {
    assertThatThrownBy(() -> manager.validateId(new Shown())).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Entity Shown[*] has an invalid id");
  }

  @Test
  void theEngineUsesItForEverySession_andStillStartsProcesses() {
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:entity-id-check;DB_CLOSE_DELAY=1000");
    configuration.setProcessEngineName("entityIdCheck");
    configuration.setJobExecutorActivate(false);
    new EntityIdCheck().preInit(configuration);
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("one.bpmn",
          Bpmn.createExecutableProcess("one").camundaHistoryTimeToLive(1).startEvent().userTask("work").endEvent().done())
          .deploy();
      engine.getRuntimeService().startProcessInstanceByKey("one");
      assertThat(engine.getTaskService().createTaskQuery().count()).isEqualTo(1);
      DbEntityManager session = configuration.getCommandExecutorTxRequired().execute(
          context -> context.getSession(DbEntityManager.class));
      assertThat(session).isInstanceOf(EntityIdCheck.CheckingFirst.class);
    } finally {
      engine.close();
    }
  }
}
