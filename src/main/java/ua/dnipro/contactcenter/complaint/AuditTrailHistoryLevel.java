package ua.dnipro.contactcenter.complaint;

import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.*;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * The engine's history as an operator's audit trail, not as a second copy of every variable.
 * Everything the "full" level records stays (process, activity and task instances with their
 * assignees and times, identity links such as claims, the user operation log, incidents, external
 * tasks, jobs that ran or failed) except:
 * <ul>
 *   <li>variables the process sets for itself (deadlines, holder, tier, display texts, references to
 *       personal data, notification payloads): the application records the complaint's state and
 *       each of its changes in its own tables (cc_complaint_state, cc_complaint_event), and these
 *       variables would only copy them three times over (runtime, history, history detail);</li>
 *   <li>the form-property copies of submitted forms: the decisions people submit are kept as
 *       variable history with its details (who, in which task, when, which value);</li>
 *   <li>decision-table evaluations: the complaint's history records which version of which table
 *       routed it (the inputs are the complaint's category, type and month);</li>
 *   <li>the creation and deletion of timer jobs, which follow the process as it moves;</li>
 *   <li>the activity instances of steps that only route the token: gateways, plain (none) start
 *       events and the scopes of embedded sub-processes. No one works them and they decide nothing
 *       of their own: which way a complaint went is told by the tasks, the called processes, the
 *       timer and message events and the end events, which all stay. A filing passes nine such
 *       steps; recording them was a third of its activity history.</li>
 * </ul>
 * The id is the full level's (3): the database's schema and Cockpit's features are the full
 * level's, and a database that ran at "full" starts without a history-level mismatch.
 */
public class AuditTrailHistoryLevel extends AbstractHistoryLevel {

  public static final String NAME = "audit-trail";

  /**
   * The variables people decide on a complaint, through their tasks and the citizen through a
   * re-opening or a confirmation: kept with their details (which task, when, which value).
   */
  public static final Set<String> DECIDED_BY_PEOPLE = Set.of(ComplaintProcess.Variables.OUTCOME,
      ComplaintProcess.Variables.RESOLUTION, ComplaintProcess.Variables.RETURN_REASON,
      ComplaintProcess.Variables.REOPENING_REASON, ComplaintProcess.Variables.CLASSIFICATION,
      ComplaintProcess.Variables.ESCALATION_NOTE, ComplaintProcess.Variables.CONTROL_NOTE,
      ComplaintProcess.Variables.EMERGENCY_NOTE, ComplaintProcess.Variables.DUPLICATE_OF,
      ComplaintProcess.Variables.REWORK_DECISION, ComplaintProcess.Variables.RATING_COMMENT,
      ComplaintProcess.Variables.EXTENSION_UNTIL, ComplaintProcess.Variables.EXTENSION_REASON,
      ComplaintProcess.Variables.EXTENSION_DECISION, ComplaintProcess.Variables.EXTENSION_NOTE,
      ComplaintProcess.Variables.DISPATCH_DECISION, ComplaintProcess.Variables.FORWARD_TO,
      ComplaintProcess.Variables.FORWARD_TO_OTHER, ComplaintProcess.Variables.REPEAT_DECISION,
      ComplaintProcess.Variables.REPEAT_REASON);

  /** Activity types that only route the token (see the class comment). */
  static final Set<String> ROUTING_ONLY = Set.of(ActivityTypes.GATEWAY_EXCLUSIVE, ActivityTypes.GATEWAY_INCLUSIVE,
      ActivityTypes.GATEWAY_PARALLEL, ActivityTypes.GATEWAY_COMPLEX, ActivityTypes.GATEWAY_EVENT_BASED,
      ActivityTypes.START_EVENT, ActivityTypes.SUB_PROCESS);

  /** A complaint's variable, not one of a notification (whose payload has a "resolution" too). */
  private static boolean ofComplaint(String processDefinitionId) {
    if (processDefinitionId == null) {
      return false;
    }
    ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(processDefinitionId);
    // the complaint's own, and the watch over its emergency, where the duty staff write what they did
    return definition != null && (ComplaintProcess.KEY.equals(definition.getKey())
        || definition.getKey().startsWith(DepartmentCopies.EMERGENCY_WATCH_PREFIX));
  }

  @Override
  public int getId() {
    return 3;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (eventType == VARIABLE_INSTANCE_CREATE || eventType == VARIABLE_INSTANCE_UPDATE
        || eventType == VARIABLE_INSTANCE_MIGRATE || eventType == VARIABLE_INSTANCE_DELETE) {
      return entity == null || entity instanceof VariableInstanceEntity variable
          && DECIDED_BY_PEOPLE.contains(variable.getName()) && ofComplaint(variable.getProcessDefinitionId());
    }
    if (eventType == VARIABLE_INSTANCE_UPDATE_DETAIL) {
      return entity == null || entity instanceof HistoricVariableUpdateEventEntity update
          && DECIDED_BY_PEOPLE.contains(update.getVariableName())
          && ComplaintProcess.KEY.equals(update.getProcessDefinitionKey());
    }
    if (eventType == ACTIVITY_INSTANCE_START || eventType == ACTIVITY_INSTANCE_UPDATE
        || eventType == ACTIVITY_INSTANCE_END) {
      return !(entity instanceof ExecutionEntity execution) || execution.getActivity() == null
          || !ROUTING_ONLY.contains(execution.getActivity().getProperties().get(BpmnProperties.TYPE));
    }
    return eventType != FORM_PROPERTY_UPDATE && eventType != DMN_DECISION_EVALUATE && eventType != JOB_CREATE
        && eventType != JOB_DELETE;
  }
}
