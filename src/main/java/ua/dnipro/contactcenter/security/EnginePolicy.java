package ua.dnipro.contactcenter.security;

import ua.dnipro.contactcenter.complaint.AsApplication;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.api.FieldViolation;
import ua.dnipro.contactcenter.api.Violations;

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

  /**
   * What a channel's or an alert adapter's account may call: Camunda's external-task client protocol,
   * nothing more.
   */
  static final List<Pattern> CHANNEL_CALLS = patterns(
      "GET /engine", "GET /version",
      "GET /external-task", "GET /external-task/count", "GET /external-task/[^/]+",
      "POST /external-task/fetchAndLock",
      "POST /external-task/[^/]+/(complete|failure|extendLock|unlock)");

  static final Pattern EXTERNAL_TASK_WORK = Pattern.compile("POST /external-task/(?!fetchAndLock$)[^/]+/[^/]+");
  static final Pattern DEPLOYMENT = Pattern.compile("POST /deployment/(create|[^/]+/redeploy)");
  static final Pattern CLAIM = Pattern.compile("POST /task/[^/]+/claim");
  static final Pattern SUBMISSION = Pattern.compile("POST /task/[^/]+/(complete|submit-form)");
  static final Pattern COMMENT = Pattern.compile("POST /task/[^/]+/comment/create");
  static final Pattern UNCLAIM = Pattern.compile("POST /task/[^/]+/unclaim");
  static final Pattern USER_CREATE = Pattern.compile("POST /user/create");
  static final Pattern USER_CREDENTIALS = Pattern.compile("PUT /user/[^/]+/credentials");
  static final Pattern MEMBERSHIP = Pattern.compile("PUT /group/[^/]+/members/[^/]+");
  static final Pattern AUTHORIZATION = Pattern.compile("POST /authorization/create|PUT /authorization/[^/]+");

  static final Set<String> EXTERNAL_TASK_FIELDS = Set.of("workerId", "variables", "localVariables", "errorMessage",
      "errorDetails", "retries", "retryTimeout", "newDuration");

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

  private final TaskWork tasks;
  private final IdentityRequests identity;
  private final IdentityService identityService;
  private final ExternalTaskService externalTasks;

  EnginePolicy(TaskWork tasks, IdentityRequests identity, IdentityService identityService,
      ExternalTaskService externalTasks) {
    this.tasks = tasks;
    this.identity = identity;
    this.identityService = identityService;
    this.externalTasks = externalTasks;
  }

  Decision decide(EngineCaller caller, EngineOperation operation, JsonNode body) {
    // for everybody: what ships with the application and what analysts deploy through the
    // classifier's gate (Modeler's /engine-rest/deployment/create is answered by the gate before this)
    if (DEPLOYMENT.matcher(operation.call()).matches()) {
      return new Refused("nothing is deployed or re-deployed this way: processes and forms ship with the application, "
          + "analysts deploy the classifier's tables on the classifier page or from Camunda Modeler");
    }
    EngineCaller.Kind kind = caller.kind();
    if (kind == EngineCaller.Kind.CHANNEL) {
      if (!matches(CHANNEL_CALLS, operation)) {
        return new Refused("a channel's or an alert adapter's account may only fetch, complete and fail its "
            + "notifications (external tasks); " + operation.call() + " is not one of those");
      }
      if (EXTERNAL_TASK_WORK.matcher(operation.call()).matches() && !seesExternalTask(caller, operation.segment(1))) {
        return new Missing("there is no notification " + operation.segment(1) + " for this account");
      }
      return externalTaskBody(operation, body);
    }
    if (kind == EngineCaller.Kind.PERSON && !matches(PERSON_CALLS, operation)) {
      return new Refused(operation.call() + " is not part of working complaints: people may read, claim a task for "
          + "themselves, unclaim it, comment on it and complete it through its form");
    }
    String call = operation.call();
    if (CLAIM.matcher(call).matches()) {
      return tasks.claim(caller, operation.segment(1), body);
    }
    if (SUBMISSION.matcher(call).matches()) {
      return tasks.submission(caller, operation.segment(1), body);
    }
    if (COMMENT.matcher(call).matches()) {
      return TaskWork.comment(body);
    }
    if (UNCLAIM.matcher(call).matches() && caller.kind() != EngineCaller.Kind.ADMINISTRATOR) {
      return tasks.unclaim(caller, operation.segment(1));
    }
    if (USER_CREATE.matcher(call).matches()) {
      JsonNode profile = body == null ? null : body.path("profile");
      return identity.password(body == null ? null : body.path("credentials").path("password"), "credentials.password",
          profile == null ? null : profile.path("id").asText(null), profile);
    }
    if (USER_CREDENTIALS.matcher(call).matches()) {
      return identity.password(body == null ? null : body.path("password"), "password", operation.segment(1), null);
    }
    if (MEMBERSHIP.matcher(call).matches()) {
      return identity.membership(operation.segment(1), operation.segment(3));
    }
    if (AUTHORIZATION.matcher(call).matches() && body != null
        && body.path("type").asInt(-1) == org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE) {
      // the engine is told not to evaluate revokes (authorizationCheckRevokes: never, which keeps the
      // departments' task lists fast): a revoke would look like a restriction and restrict nothing
      return new Invalid(List.of(new FieldViolation("type", "no-revokes",
          "this installation grants, it does not revoke: remove the grant (or the membership) instead")));
    }
    return ALLOWED;
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

  /** Whether the channel's account may see the notification: another channel's is none of its business. */
  private boolean seesExternalTask(EngineCaller caller, String externalTaskId) {
    return AsApplication.asUser(identityService, caller.userId(), caller.groups(),
        () -> externalTasks.createExternalTaskQuery().externalTaskId(externalTaskId).count() > 0);
  }

  private static boolean matches(List<Pattern> calls, EngineOperation operation) {
    String call = operation.call();
    return calls.stream().anyMatch(pattern -> pattern.matcher(call).matches());
  }

  private static List<Pattern> patterns(String... calls) {
    return java.util.Arrays.stream(calls).map(Pattern::compile).toList();
  }
}
