package ua.dnipro.contactcenter.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables;

/**
 * The complaint's status and the history of its changes, kept on the process instance: the
 * {@code status} variable holds where it stands now, the {@code statusHistory} JSON variable every
 * change with its time. Entries carry codes and times only, never an applicant's personal data, so
 * the history can be shown to the citizen and counted by statistics as it is. Listeners (the
 * citizen's notification) hear of each change in the same transaction.
 */
@Component
public class StatusHistory {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<Map<String, Object>>> ENTRIES = new TypeReference<>() {
  };

  private final List<StatusChangeListener> listeners;

  public StatusHistory(List<StatusChangeListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /** Records an event that changes the status (or, with {@code status} null, only happens). */
  public void record(DelegateExecution scope, ComplaintEvent event, ComplaintStatus status,
      Map<String, ?> details) {
    if (status != null) {
      scope.setVariable(Variables.STATUS, status.name());
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("event", event.name());
    entry.put("status", scope.getVariable(Variables.STATUS));
    entry.put("at", EngineClock.now().toString());
    details.forEach((key, value) -> {
      if (value != null) {
        entry.put(key, value instanceof Instant || value instanceof Enum<?> ? value.toString() : value);
      }
    });
    List<Map<String, Object>> entries = new ArrayList<>(entriesOf(scope));
    entries.add(entry);
    try {
      scope.setVariable(Variables.STATUS_HISTORY, SpinValues.jsonValue(JSON.writeValueAsString(entries)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the status history", e);
    }
    listeners.forEach(listener -> listener.statusChanged(scope, event));
  }

  /** Entry details from key-value pairs; null values are left out. */
  public static Map<String, Object> details(Object... keysAndValues) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        details.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return details;
  }

  /** The entries recorded so far, oldest first. */
  public static List<Map<String, Object>> entriesOf(VariableScope scope) {
    SerializableValue value = scope.getVariableTyped(Variables.STATUS_HISTORY, false);
    return value == null ? List.of() : parse(value.getValueSerialized());
  }

  /** Parses the serialized form of the {@code statusHistory} variable. */
  public static List<Map<String, Object>> parse(String serialized) {
    if (serialized == null || serialized.isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(serialized, ENTRIES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the status history is not valid JSON", e);
    }
  }
}
