package ua.dnipro.contactcenter.complaint;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.stereotype.Component;

/** Offers the engine the {@link AuditTrailHistoryLevel} (chosen in application.yaml: camunda.bpm.history-level). */
@Component
public class AuditTrailHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
    levels.add(new AuditTrailHistoryLevel());
    configuration.setCustomHistoryLevels(levels);
  }
}
