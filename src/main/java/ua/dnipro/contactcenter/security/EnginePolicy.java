package ua.dnipro.contactcenter.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.api.FieldViolation;
import ua.dnipro.contactcenter.api.Texts;
import ua.dnipro.contactcenter.api.Violations;
import ua.dnipro.contactcenter.inbox.TaskSubmissions;

/**
 * What each kind of caller may ask of the engine's REST API, whichever door they use. Camunda's
 * defaults are not our model: a person's account may read what the engine's authorizations let it
 * read, and of all the writing operations only work its tasks (claim for itself, unclaim, complete
 * or submit the task's form with the form's fields only, comment); a channel's account may only
 * fetch, complete and fail its citizens' notifications; administrators are bound by the engine's
 * authorizations (they have all) and by the forms. Anything not listed is refused, so an
 * operation Camunda adds in a later version is closed until we open it.
 */
@Component
class EnginePolicy {

  /** What a person may call; reading is open, the engine's authorizations decide what it returns. */
  static final List<Pattern> PERSON_CALLS = patterns(
      "GET /.*",
      "OPTIONS /.*",
      "POST /task", "POST /task/count",
      "POST /filter/[^/]+/(list|count|singleResult)",
      "POST /process-instance", "POST /process-instance/count",
      "POST /variable-instance", "POST /variable-instance/count",
      "POST /history/(task|process-instance|activity-instance|variable-instance)(/count)?",
      "POST /task/[^/]+/(claim|unclaim|complete|submit-form)",
      "POST /task/[^/]+/comment/create");

  /** What a channel's account may call: Camunda's external-task client protocol, nothing more. */
  static final List<Pattern> CHANNEL_CALLS = patterns(
      "GET /engine", "GET /version",
      "GET /external-task", "GET /external-task/count", "GET /external-task/[^/]+",
      "POST /external-task/fetchAndLock",
      "POST /external-task/[^/]+/(complete|failure|extendLock|unlock)");

  static final Pattern CLAIM = Pattern.compile("POST /task/[^/]+/claim");
  static final Pattern SUBMISSION = Pattern.compile("POST /task/[^/]+/(complete|submit-form)");
  static final Pattern COMMENT = Pattern.compile("POST /task/[^/]+/comment/create");
  static final Pattern UNCLAIM = Pattern.compile("POST /task/[^/]+/unclaim");
  static final Pattern USER_CREATE = Pattern.compile("POST /user/create");
  static final Pattern USER_CREDENTIALS = Pattern.compile("PUT /user/[^/]+/credentials");
  static final Pattern MEMBERSHIP = Pattern.compile("PUT /group/[^/]+/members/[^/]+");

  static final Set<String> EXTERNAL_TASK_FIELDS = Set.of("workerId", "variables", "localVariables", "errorMessage",
      "errorDetails", "retries", "retryTimeout", "newDuration");
  static final int MAX_COMMENT = 4000;

  /** The policy's answer. */
  sealed interface Decision permits Allowed, Refused, Invalid, Done, Missing {
  }

  /** About something that does not exist: 404. */
  record Missing(String message) implements Decision {
  }

  record Allowed() implements Decision {
  }

  /** Not for this caller: 403. */
  record Refused(String reason) implements Decision {
  }

  /** Allowed, but not with this content: 400. */
  record Invalid(List<FieldViolation> problems) implements Decision {
  }

  /** Done here, on the caller's behalf, because the engine's own operation needs more rights than working a task. */
  record Done(int status) implements Decision {
  }

  static final Decision ALLOWED = new Allowed();

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final TaskSubmissions submissions;
  private final TaskService taskService;

  EnginePolicy(IdentityService identityService, AuthorizationService authorizationService, TaskSubmissions submissions,
      TaskService taskService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.submissions = submissions;
    this.taskService = taskService;
  }

  Decision decide(EngineCaller caller, EngineOperation operation, JsonNode body) {
    EngineCaller.Kind kind = caller.kind();
    if (kind == EngineCaller.Kind.CHANNEL) {
      if (!matches(CHANNEL_CALLS, operation)) {
        return new Refused("a channel's account may only fetch, complete and fail its citizens' notifications "
            + "(external tasks); " + operation.call() + " is not one of those");
      }
      return externalTaskBody(operation, body);
    }
    if (kind == EngineCaller.Kind.PERSON && !matches(PERSON_CALLS, operation)) {
      return new Refused(operation.call() + " is not part of working complaints: people may read, claim a task for "
          + "themselves, unclaim it, comment on it and complete it through its form");
    }
    String call = operation.call();
    if (CLAIM.matcher(call).matches()) {
      return claim(caller, body);
    }
    if (SUBMISSION.matcher(call).matches()) {
      return submission(caller, operation.segment(1), body);
    }
    if (COMMENT.matcher(call).matches()) {
      return comment(body);
    }
    if (UNCLAIM.matcher(call).matches() && caller.kind() != EngineCaller.Kind.ADMINISTRATOR) {
      return unclaim(caller, operation.segment(1));
    }
    if (USER_CREATE.matcher(call).matches()) {
      JsonNode profile = body == null ? null : body.path("profile");
      return password(body == null ? null : body.path("credentials").path("password"), "credentials.password",
          profile == null ? null : profile.path("id").asText(null), profile);
    }
    if (USER_CREDENTIALS.matcher(call).matches()) {
      return password(body == null ? null : body.path("password"), "password", operation.segment(1), null);
    }
    if (MEMBERSHIP.matcher(call).matches()) {
      return membership(operation.segment(1), operation.segment(3));
    }
    return ALLOWED;
  }

  /** A person claims a task for themselves, never for somebody else (who would then read its applicant). */
  private static Decision claim(EngineCaller caller, JsonNode body) {
    JsonNode userId = body == null ? null : body.get("userId");
    if (caller.kind() != EngineCaller.Kind.ADMINISTRATOR && userId != null && !userId.isNull()
        && !caller.userId().equals(userId.asText())) {
      return new Refused("a task is claimed by whoever works it: claim it for yourself ('" + caller.userId() + "')");
    }
    return ALLOWED;
  }

  private Decision submission(EngineCaller caller, String taskId, JsonNode body) {
    Violations violations = new Violations();
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    if (body != null) {
      if (!body.isObject()) {
        return new Invalid(List.of(new FieldViolation("body", "json-object", "send a JSON object")));
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
      return new Invalid(violations.list());
    }
    return asApplication(() -> {
      // whoever may not work the task gets the engine's own refusal, not our opinion of their input
      if (caller.kind() != EngineCaller.Kind.ADMINISTRATOR && !mayWork(caller, taskId)) {
        return ALLOWED;
      }
      Optional<List<FieldViolation>> problems = submissions.check(taskId, variables);
      return problems.isEmpty() || problems.get().isEmpty() ? ALLOWED : new Invalid(problems.get());
    });
  }

  /**
   * Engine REST's unclaim sets the assignee, which needs the right to assign tasks; a person may
   * only give back a task they claimed, which is claiming it for nobody (the right to work it).
   */
  private Decision unclaim(EngineCaller caller, String taskId) {
    return asApplication(() -> {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (task == null || !mayWork(caller, taskId)) {
        return ALLOWED; // the engine answers 404 or 403 itself
      }
      if (task.getAssignee() != null && !task.getAssignee().equals(caller.userId())) {
        return new Refused("the task is claimed by " + task.getAssignee() + "; only they can give it back");
      }
      taskService.claim(taskId, null);
      return new Done(204);
    });
  }

  /** A password the engine's policy refuses is the caller's mistake: 400 naming the rules, not the engine's 500. */
  private Decision password(JsonNode sent, String field, String userId, JsonNode profile) {
    if (sent == null || !sent.isTextual()) {
      return ALLOWED; // the engine answers a missing password itself
    }
    return asApplication(() -> {
      User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
      if (user == null) {
        user = identityService.newUser(userId == null ? "" : userId);
        if (profile != null) {
          user.setFirstName(profile.path("firstName").asText(null));
          user.setLastName(profile.path("lastName").asText(null));
          user.setEmail(profile.path("email").asText(null));
        }
      }
      PasswordPolicyResult result = identityService.checkPasswordAgainstPolicy(sent.asText(), user);
      if (result.isValid()) {
        return ALLOWED;
      }
      String rules = result.getViolatedRules().stream()
          .map(rule -> rule.getPlaceholder() + (rule.getParameters() == null ? "" : " " + rule.getParameters()))
          .collect(java.util.stream.Collectors.joining(", "));
      return new Invalid(List.of(new FieldViolation(field, "password-policy",
          "the password breaks the password policy: " + rules)));
    });
  }

  /** Adding somebody who does not exist to a group, or anybody to a group that does not exist: 404. */
  private Decision membership(String groupId, String userId) {
    return asApplication(() -> {
      if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
        return new Missing("there is no group '" + groupId + "'");
      }
      if (identityService.createUserQuery().userId(userId).count() == 0) {
        return new Missing("there is no user '" + userId + "'");
      }
      return ALLOWED;
    });
  }

  private boolean mayWork(EngineCaller caller, String taskId) {
    for (Permission permission : List.of(Permissions.TASK_WORK, Permissions.UPDATE)) {
      if (authorizationService.isUserAuthorized(caller.userId(), caller.groups(), permission, Resources.TASK, taskId)) {
        return true;
      }
    }
    return false;
  }

  private static Decision comment(JsonNode body) {
    Violations violations = new Violations();
    JsonNode message = body == null ? null : body.get("message");
    Texts.check(violations, "message", message == null || !message.isTextual() ? null : message.asText(), true,
        MAX_COMMENT, true);
    return violations.isEmpty() ? ALLOWED : new Invalid(violations.list());
  }

  /** A notification is delivered or failed as it is: a channel sets nothing on it. */
  private static Decision externalTaskBody(EngineOperation operation, JsonNode body) {
    if (body == null || !operation.method().equals("POST") || operation.path().endsWith("/fetchAndLock")) {
      return ALLOWED;
    }
    Violations violations = new Violations();
    body.fieldNames().forEachRemaining(field -> {
      if (!EXTERNAL_TASK_FIELDS.contains(field)) {
        violations.add(field, "unknown-field", "not a field of the external-task API a channel uses");
      }
    });
    for (String variables : List.of("variables", "localVariables")) {
      JsonNode sent = body.get(variables);
      if (sent != null && !sent.isNull() && !(sent.isObject() && sent.isEmpty())) {
        violations.add(variables, "no-variables", "a channel reports delivery or failure; it sets no variables");
      }
    }
    return violations.isEmpty() ? ALLOWED : new Invalid(violations.list());
  }

  /** Runs a look-up as the application: the caller's own rights are checked explicitly where they matter. */
  private <T> T asApplication(Supplier<T> lookUp) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return lookUp.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private static boolean matches(List<Pattern> calls, EngineOperation operation) {
    String call = operation.call();
    return calls.stream().anyMatch(pattern -> pattern.matcher(call).matches());
  }

  private static List<Pattern> patterns(String... calls) {
    return java.util.Arrays.stream(calls).map(Pattern::compile).toList();
  }
}
