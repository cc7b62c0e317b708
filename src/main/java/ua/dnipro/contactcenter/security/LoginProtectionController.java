package ua.dnipro.contactcenter.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ua.dnipro.contactcenter.api.ApiCaller;
import ua.dnipro.contactcenter.api.ApiException;
import ua.dnipro.contactcenter.organisation.CityGroups;

/**
 * For administrators: who is kept out by failed log-ins (source addresses refused by our limit), which
 * accounts somebody is guessing at, accounts the engine holds locked, and a way to let them back in.
 */
@RestController
@RequestMapping("/api/v1/admin/login-protection")
@Tag(name = "Administration", description = "For administrators: log-in protection")
class LoginProtectionController {

  /** An account the engine locks after failed log-ins: for a while, or until unlocked. */
  record LockedAccount(String userId, int failedAttempts, Instant lockedUntil, boolean untilUnlocked) {
  }

  record LoginProtection(List<FailedLogins.Block> blockedAddresses, List<FailedLogins.AccountFailures> failedAccounts,
      List<LockedAccount> lockedAccounts) {
  }

  private final FailedLogins failedLogins;
  private final IdentityService identityService;
  private final JdbcTemplate jdbc;
  private final int maxAttempts;

  LoginProtectionController(FailedLogins failedLogins, IdentityService identityService, JdbcTemplate jdbc,
      ProcessEngineConfigurationImpl engine) {
    this.failedLogins = failedLogins;
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.maxAttempts = engine.getLoginMaxAttempts();
  }

  @GetMapping
  @Operation(summary = "Source addresses refused after failed log-ins and accounts with recent failed log-ins (both on "
      + "this node), and accounts the engine locked (before this release, or by an administrator)")
  LoginProtection state(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    requireAdministrator(caller);
    List<LockedAccount> locked = jdbc.query("""
        SELECT ID_, ATTEMPTS_, LOCK_EXP_TIME_ FROM ACT_ID_USER
        WHERE ATTEMPTS_ >= ? OR LOCK_EXP_TIME_ > ? ORDER BY ID_""",
        (rs, i) -> {
          Timestamp until = rs.getTimestamp("LOCK_EXP_TIME_");
          int attempts = rs.getInt("ATTEMPTS_");
          return new LockedAccount(rs.getString("ID_"), attempts, until == null ? null : until.toInstant(),
              attempts >= maxAttempts);
        }, maxAttempts, Timestamp.from(Instant.now()));
    return new LoginProtection(failedLogins.blocks(), failedLogins.accounts(), locked);
  }

  @DeleteMapping("/blocked-addresses")
  @Operation(summary = "Lift the block of a source address")
  ResponseEntity<Void> release(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @RequestParam String address) {
    requireAdministrator(caller);
    if (!failedLogins.release(ClientAddresses.normalise(address))) {
      throw ApiException.notFound("the address " + address + " is not blocked");
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/locked-accounts/{userId}/unlock")
  @Operation(summary = "Unlock an account the engine locked after failed log-ins")
  ResponseEntity<Void> unlock(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable String userId) {
    requireAdministrator(caller);
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      throw ApiException.notFound("no user " + userId);
    }
    identityService.unlockUser(userId);
    return ResponseEntity.noContent().build();
  }

  private static void requireAdministrator(ApiCaller caller) {
    if (!caller.groups().contains(CityGroups.ADMINS)) {
      throw ApiException.forbidden("only administrators see and lift log-in locks");
    }
  }
}
