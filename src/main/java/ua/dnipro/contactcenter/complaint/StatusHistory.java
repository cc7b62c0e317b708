package ua.dnipro.contactcenter.complaint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Records each change of a complaint in the application's own records (not in process variables,
 * which people with access to the engine could write): the new state, and one history entry with
 * the event, the resulting status, the time and codes (never an applicant's personal data, so the
 * history can be shown to the citizen and counted as it is). Listeners (the citizen's notification,
 * the statistics) hear of each change in the same transaction.
 */
@Component
public class StatusHistory {

  private final ComplaintRecords records;
  private final List<StatusChangeListener> listeners;

  public StatusHistory(ComplaintRecords records, List<StatusChangeListener> listeners) {
    this.records = records;
    this.listeners = List.copyOf(listeners);
  }

  /** Starts the record of a complaint just registered. */
  public ComplaintState open(DelegateExecution scope, ComplaintState registered, Map<String, ?> details) {
    records.insert(registered);
    return recorded(scope, ComplaintEvent.REGISTERED, registered, details);
  }

  /** Records an event and the change of state it brings (or none: {@link UnaryOperator#identity()}). */
  public ComplaintState record(DelegateExecution scope, ComplaintEvent event, UnaryOperator<ComplaintState> change,
      Map<String, ?> details) {
    return record(scope, event, change, state -> details);
  }

  /** As above, with the entry's details taken from the state after the change. */
  public ComplaintState record(DelegateExecution scope, ComplaintEvent event, UnaryOperator<ComplaintState> change,
      Function<ComplaintState, Map<String, ?>> details) {
    ComplaintState before = current(scope);
    ComplaintState after = change.apply(before);
    if (!after.equals(before)) {
      records.update(after);
    }
    return recorded(scope, event, after, details.apply(after));
  }

  /** The complaint's state as recorded, locked for this transaction's change. */
  public ComplaintState current(DelegateExecution scope) {
    String number = scope.getProcessBusinessKey();
    return records.findForUpdate(number)
        .orElseThrow(() -> new IllegalStateException("no recorded state for complaint " + number));
  }

  private ComplaintState recorded(DelegateExecution scope, ComplaintEvent event, ComplaintState state,
      Map<String, ?> details) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("event", event.name());
    entry.put("status", state.status().name());
    entry.put("at", EngineClock.now().toString());
    details.forEach((key, value) -> {
      if (value != null) {
        entry.put(key, value instanceof Instant || value instanceof Enum<?> ? value.toString() : value);
      }
    });
    records.append(state.number(), entry);
    listeners.forEach(listener -> listener.statusChanged(scope, event, state));
    return state;
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
}
