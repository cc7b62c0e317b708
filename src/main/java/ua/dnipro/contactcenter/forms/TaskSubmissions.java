package ua.dnipro.contactcenter.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Service;
import ua.dnipro.contactcenter.api.FieldViolation;

/**
 * Checks what a person submits to complete a task against the task's own form, before the engine
 * sees it: the engine REST APIs (ours and Tasklist's) answer 400 naming each field that breaks a
 * rule, instead of setting variables the form never offered. Runs as the application: the caller's
 * right to work the task is decided separately.
 */
@Service
public class TaskSubmissions {

  private final TaskService taskService;
  private final FormService formService;

  public TaskSubmissions(TaskService taskService, FormService formService) {
    this.taskService = taskService;
    this.formService = formService;
  }

  /**
   * The rules a submission to a task breaks; empty if the task does not exist (the engine answers
   * that itself).
   */
  public Optional<List<FieldViolation>> check(String taskId, Map<String, JsonNode> variables) {
    Task task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    if (task == null) {
      return Optional.empty();
    }
    TaskForm form = task.getCamundaFormRef() == null ? new TaskForm(null, Map.of()) : formOf(taskId);
    Map<String, Object> current = form.valuesAmong(taskService.getVariables(taskId, form.fields().keySet()));
    return Optional.of(form.checkSubmission(variables, current, name -> optionsOf(taskId, name)));
  }

  private TaskForm formOf(String taskId) {
    try (InputStream in = formService.getDeployedTaskForm(taskId)) {
      return TaskForm.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Set<String> optionsOf(String taskId, String variable) {
    return TaskForm.optionValues(serialized(taskService.getVariableLocalTyped(taskId, variable, false)));
  }

  public static Object serialized(TypedValue value) {
    if (value == null) {
      return null;
    }
    return value instanceof SerializableValue serializable ? serializable.getValueSerialized() : value.getValue();
  }
}
