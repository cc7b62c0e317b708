package ua.dnipro.contactcenter.complaint;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.stereotype.Component;

/**
 * Puts the engine on the {@link AuditTrailHistoryLevel}. The engine is configured at "full"
 * (application.yaml), whose id the audit-trail level shares; the level is exchanged once the
 * engine's own initialisation is done, as its history-level setup compares ids only.
 */
@Component
public class AuditTrailHistory extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getHistoryLevel().getId() != HistoryLevel.HISTORY_LEVEL_FULL.getId()) {
      throw new IllegalStateException("the audit-trail history level replaces the full level; the engine is configured at "
          + configuration.getHistoryLevel().getName());
    }
    configuration.setHistoryLevel(new AuditTrailHistoryLevel());
  }
}
