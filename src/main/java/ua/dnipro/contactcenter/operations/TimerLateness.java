package ua.dnipro.contactcenter.operations;

import ua.dnipro.contactcenter.complaint.ParseListeners;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * How late each timer of the models fires: when a timer event (a boundary timer such as
 * {@code BoundaryEvent_SlaBreached}, an intermediate one, an event sub-process's timer start) is
 * left within the job of its own timer, the time since the job's due date goes to
 * {@code cc_timer_lateness_seconds{timer=<event id>}}. That is the
 * job executor's polling delay plus any backlog of due jobs (docs/operations.md, "Timers and the job executor").
 */
@Component
class TimerLateness extends AbstractProcessEnginePlugin {

  private final OperationsMetrics metrics;

  TimerLateness(OperationsMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // on leaving the event: within the job that fired its timer for every kind of timer event (a boundary
    // event and an event sub-process's start run when it fires; an intermediate catch event is entered
    // before and left when it fires), and only counted when that job is this event's own timer
    ParseListeners.addAfterBpmnParse(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseBoundaryTimerEventDefinition(Element definition, boolean interrupting, ActivityImpl event) {
        event.addListener(ExecutionListener.EVENTNAME_END, measure(event.getId()));
      }

      @Override
      public void parseIntermediateTimerEventDefinition(Element definition, ActivityImpl event) {
        event.addListener(ExecutionListener.EVENTNAME_END, measure(event.getId()));
      }

      @Override
      public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl event) {
        // an event sub-process's timer: its job names the sub-process
        if (element.element("timerEventDefinition") != null) {
          event.addListener(ExecutionListener.EVENTNAME_END, measure(scope.getId()));
        }
      }
    });
  }

  /**
   * On leaving the event: within the job that fired its timer for every kind of timer event (a
   * boundary event and an event sub-process's start run when it fires; an intermediate catch event
   * is entered before and left when it fires), and only counted when that job is this event's own
   * timer (its configuration names {@code timerKey}).
   */
  private ExecutionListener measure(String timerKey) {
    return execution -> {
      CommandContext command = Context.getCommandContext();
      JobEntity job = command == null ? null : command.getCurrentJob();
      if (job instanceof TimerEntity timer && timer.getDuedate() != null && timerKey.equals(eventOf(timer))) {
        metrics.timerFired(execution.getCurrentActivityId(),
            Duration.ofMillis(ClockUtil.getCurrentTime().getTime() - timer.getDuedate().getTime()));
      }
    };
  }

  /** The timer event (or event sub-process) a timer job belongs to: its handler configuration's first part. */
  static String eventOf(TimerEntity timer) {
    String configuration = timer.getJobHandlerConfigurationRaw();
    if (configuration == null) {
      return null;
    }
    int end = configuration.indexOf('$');
    return end < 0 ? configuration : configuration.substring(0, end);
  }
}
