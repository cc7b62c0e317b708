package ua.dnipro.contactcenter.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * How late each timer of the models fires: when a timer event (a boundary timer such as
 * {@code BoundaryEvent_SlaBreached}, or an intermediate one) starts because its job ran, the time
 * since the job's due date goes to {@code cc_timer_lateness_seconds{timer=<event id>}}. That is the
 * job executor's polling delay plus any backlog of due jobs (README, "Timers on time").
 */
@Component
class TimerLateness extends AbstractProcessEnginePlugin {

  private final OperationsMetrics metrics;

  TimerLateness(OperationsMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    ExecutionListener measure = execution -> {
      CommandContext command = Context.getCommandContext();
      JobEntity job = command == null ? null : command.getCurrentJob();
      if (job instanceof TimerEntity timer && timer.getDuedate() != null) {
        metrics.timerFired(execution.getCurrentActivityId(),
            Duration.ofMillis(ClockUtil.getCurrentTime().getTime() - timer.getDuedate().getTime()));
      }
    };
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseBoundaryTimerEventDefinition(Element definition, boolean interrupting, ActivityImpl event) {
        event.addListener(ExecutionListener.EVENTNAME_START, measure);
      }

      @Override
      public void parseIntermediateTimerEventDefinition(Element definition, ActivityImpl event) {
        event.addListener(ExecutionListener.EVENTNAME_START, measure);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
