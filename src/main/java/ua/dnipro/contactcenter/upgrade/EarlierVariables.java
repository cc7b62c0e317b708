package ua.dnipro.contactcenter.upgrade;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;

/**
 * What an earlier release kept in a complaint's process variables, of its own scope (no task-local
 * or sub-process copies): the running instance's current values, or a finished one's history.
 * Serialized values (JSON) as their text.
 */
final class EarlierVariables {

  private EarlierVariables() {
  }

  static Map<String, Object> of(RuntimeService runtimeService, HistoryService historyService, String processInstanceId,
      List<String> names) {
    Map<String, Object> values = new HashMap<>();
    String[] wanted = names.toArray(String[]::new);
    List<VariableInstance> running = runtimeService.createVariableInstanceQuery().processInstanceIdIn(processInstanceId)
        .variableNameIn(wanted).disableCustomObjectDeserialization().list();
    boolean active = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    if (active) {
      for (VariableInstance variable : running) {
        if (processInstanceId.equals(variable.getExecutionId()) && variable.getTaskId() == null) {
          values.put(variable.getName(), valueOf(variable.getTypedValue()));
        }
      }
      return values;
    }
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableNameIn(wanted).disableCustomObjectDeserialization().list()) {
      if (variable.getActivityInstanceId() == null || variable.getActivityInstanceId().equals(processInstanceId)) {
        values.put(variable.getName(), valueOf(variable.getTypedValue()));
      }
    }
    return values;
  }

  private static Object valueOf(org.camunda.bpm.engine.variable.value.TypedValue value) {
    if (value == null) {
      return null;
    }
    return value instanceof SerializableValue serializable ? serializable.getValueSerialized() : value.getValue();
  }
}
