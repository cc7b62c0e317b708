package ua.dnipro.contactcenter.security;

import ua.dnipro.contactcenter.complaint.AsApplication;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.api.FieldViolation;
import ua.dnipro.contactcenter.security.EnginePolicy.Decision;

/**
 * Administrators' identity requests the engine would answer with a 500: a password against the
 * policy (the administrator's mistake: 400 naming the rules), a membership of a user or group that
 * does not exist (404).
 */
@Component
class IdentityRequests {

  private final IdentityService identityService;

  IdentityRequests(IdentityService identityService) {
    this.identityService = identityService;
  }

  Decision password(JsonNode sent, String field, String userId, JsonNode profile) {
    if (sent == null || !sent.isTextual()) {
      return EnginePolicy.ALLOWED; // the engine answers a missing password itself
    }
    return AsApplication.run(identityService, () -> {
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
        return EnginePolicy.ALLOWED;
      }
      String rules = result.getViolatedRules().stream()
          .map(rule -> rule.getPlaceholder() + (rule.getParameters() == null ? "" : " " + rule.getParameters()))
          .collect(Collectors.joining(", "));
      return new EnginePolicy.Invalid(List.of(new FieldViolation(field, "password-policy",
          "the password breaks the password policy: " + rules)));
    });
  }

  Decision membership(String groupId, String userId) {
    return AsApplication.run(identityService, () -> {
      if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
        return new EnginePolicy.Missing("there is no group '" + groupId + "'");
      }
      if (identityService.createUserQuery().userId(userId).count() == 0) {
        return new EnginePolicy.Missing("there is no user '" + userId + "'");
      }
      return EnginePolicy.ALLOWED;
    });
  }
}
