package ua.dnipro.contactcenter.inbox;

import ua.dnipro.contactcenter.forms.TaskSubmissions;
import ua.dnipro.contactcenter.forms.TaskForm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.api.FieldViolation;

/**
 * The engine's side of a task's form: refuses to complete a task whose values break its form's
 * rules (required fields the form shows, options, lengths, visible text without control
 * characters), whoever completes it and however. The engine REST APIs check the same rules, and
 * which fields may be sent at all, before the engine is asked (see {@link TaskSubmissions}).
 */
@Component("checkTaskForm")
public class CheckTaskForm implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskForm form;
    try (InputStream in = task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId())) {
      form = TaskForm.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<FieldViolation> problems = form.checkCompletion(form.valuesAmong(task.getVariables()),
        name -> TaskForm.optionValues(TaskSubmissions.serialized(task.getVariableLocalTyped(name, false))));
    if (!problems.isEmpty()) {
      throw new BadUserRequestException("the task's form is not filled in as it must be: " + problems.stream()
          .map(problem -> problem.field() + ": " + problem.message()).collect(Collectors.joining("; ")));
    }
  }
}
