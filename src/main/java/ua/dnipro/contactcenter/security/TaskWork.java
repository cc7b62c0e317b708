package ua.dnipro.contactcenter.security;

import ua.dnipro.contactcenter.forms.TaskSubmissions;
import ua.dnipro.contactcenter.complaint.AsApplication;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.api.FieldViolation;
import ua.dnipro.contactcenter.api.Texts;
import ua.dnipro.contactcenter.api.Violations;
import ua.dnipro.contactcenter.security.EnginePolicy.Decision;
import ua.dnipro.contactcenter.api.TextLimits;

/**
 * The rules of working a task through the engine's REST APIs: claim it for yourself, give back
 * only your own, comment in visible text, complete it with its form's fields only.
 */
@Component
class TaskWork {


  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final TaskService taskService;
  private final TaskSubmissions submissions;
  private final RepositoryService repositoryService;

  TaskWork(IdentityService identityService, AuthorizationService authorizationService, TaskService taskService,
      TaskSubmissions submissions, RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.taskService = taskService;
    this.submissions = submissions;
  }

  /**
   * A person claims a task for themselves, never for somebody else (who would then read its
   * applicant); a claim for nobody is the engine's way of unclaiming, held to the same rule.
   */
  Decision claim(EngineCaller caller, String taskId, JsonNode body) {
    if (caller.kind() == EngineCaller.Kind.ADMINISTRATOR) {
      return EnginePolicy.ALLOWED;
    }
    if (body != null && !body.isObject()) {
      return new EnginePolicy.Invalid(List.of(new FieldViolation("body", "json-object",
          "a claim is {\"userId\": \"<you>\"}")));
    }
    JsonNode userId = body == null ? null : body.get("userId");
    if (userId == null || userId.isNull()) {
      return unclaim(caller, taskId);
    }
    if (!userId.isTextual() || !caller.userId().equals(userId.asText())) {
      return new EnginePolicy.Refused("a task is claimed by whoever works it: claim it for yourself ('"
          + caller.userId() + "')");
    }
    return EnginePolicy.ALLOWED;
  }

  /**
   * Engine REST's unclaim sets the assignee, which needs the right to assign tasks; a person may
   * only give back a task they claimed, which is claiming it for nobody (the right to work it).
   * Done as the person, so that the engine's operation log names them.
   */
  Decision unclaim(EngineCaller caller, String taskId) {
    Optional<Task> task = AsApplication.run(identityService, () -> task(taskId).filter(found -> mayWork(caller, found)));
    if (task.isEmpty()) {
      return EnginePolicy.ALLOWED; // the engine answers 404 or 403 itself
    }
    String assignee = task.get().getAssignee();
    if (assignee != null && !assignee.equals(caller.userId())) {
      return new EnginePolicy.Refused("the task is claimed by " + assignee + "; only they can give it back");
    }
    AsApplication.asUser(identityService, caller.userId(), caller.groups(), () -> {
      taskService.claim(taskId, null);
      return null;
    });
    return new EnginePolicy.Done(204);
  }

  Decision submission(EngineCaller caller, String taskId, JsonNode body) {
    Violations violations = new Violations();
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    if (body != null) {
      if (!body.isObject()) {
        return new EnginePolicy.Invalid(List.of(new FieldViolation("body", "json-object", "send a JSON object")));
      }
      body.fieldNames().forEachRemaining(field -> {
        if (!field.equals("variables") && !field.equals("withVariablesInReturn")) {
          violations.add(field, "unknown-field", "a task is completed with 'variables' (its form's fields) only");
        }
      });
      JsonNode sent = body.path("variables");
      if (!sent.isMissingNode() && !sent.isNull() && !sent.isObject()) {
        violations.add("variables", "json-object", "variables are an object of name: {value, type}");
      }
      sent.fields().forEachRemaining(entry -> variables.put(entry.getKey(), entry.getValue()));
    }
    if (!violations.isEmpty()) {
      return new EnginePolicy.Invalid(violations.list());
    }
    return AsApplication.run(identityService, () -> {
      // whoever may not work the task gets the engine's own refusal, not our opinion of their input
      Optional<Task> task = task(taskId);
      if (task.isEmpty() || caller.kind() != EngineCaller.Kind.ADMINISTRATOR && !mayWork(caller, task.get())) {
        return EnginePolicy.ALLOWED;
      }
      Optional<List<FieldViolation>> problems = submissions.check(taskId, variables);
      return problems.isEmpty() || problems.get().isEmpty() ? EnginePolicy.ALLOWED
          : new EnginePolicy.Invalid(problems.get());
    });
  }

  /** A comment on the task itself: its text only (not another complaint's instance to attach it to). */
  static Decision comment(JsonNode body) {
    Violations violations = new Violations();
    if (body != null && body.isObject()) {
      body.fieldNames().forEachRemaining(field -> {
        if (!field.equals("message")) {
          violations.add(field, "unknown-field", "a comment is its message only; it belongs to the task it is made on");
        }
      });
    }
    JsonNode message = body == null ? null : body.get("message");
    Texts.check(violations, "message", message == null || !message.isTextual() ? null : message.asText(), true,
        TextLimits.DESCRIPTION, true);
    return violations.isEmpty() ? EnginePolicy.ALLOWED : new EnginePolicy.Invalid(violations.list());
  }

  private Optional<Task> task(String taskId) {
    return Optional.ofNullable(taskService.createTaskQuery().taskId(taskId).singleResult());
  }

  /** As the engine decides it: a grant on the task, or on all tasks of its process. */
  private boolean mayWork(EngineCaller caller, Task task) {
    for (Permission permission : List.of(Permissions.TASK_WORK, Permissions.UPDATE)) {
      if (authorizationService.isUserAuthorized(caller.userId(), caller.groups(), permission, Resources.TASK,
          task.getId())) {
        return true;
      }
    }
    if (task.getProcessDefinitionId() == null) {
      return false;
    }
    String process = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    for (Permission permission : List.of(Permissions.TASK_WORK, ProcessDefinitionPermissions.UPDATE_TASK)) {
      if (authorizationService.isUserAuthorized(caller.userId(), caller.groups(), permission,
          Resources.PROCESS_DEFINITION, process)) {
        return true;
      }
    }
    return false;
  }
}
