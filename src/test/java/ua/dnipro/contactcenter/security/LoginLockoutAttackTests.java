package ua.dnipro.contactcenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.dnipro.contactcenter.testing.Accounts;
import ua.dnipro.contactcenter.testing.HttpApi;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;
import ua.dnipro.contactcenter.testing.PostgresForTests;
import ua.dnipro.contactcenter.testing.TasklistSession;

/**
 * Finding 5: ten wrong passwords locked any account until an administrator unlocked it, and the
 * channel accounts' names are in the README: one wrong try every 3 s kept telegram-bot out. The
 * attacker here sits behind the city's proxy, which passes on its address (X-Forwarded-For); the
 * real clients come from elsewhere.
 */
class LoginLockoutAttackTests extends PostgresApplicationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identityService;

  static final int LIMIT = 10;

  HttpApi attackerAs(String user, String address) {
    return as(user, "wrong-password-1A!").header("X-Forwarded-For", address);
  }

  int attemptsOf(String userId) {
    return jdbc.queryForObject("SELECT COALESCE(ATTEMPTS_, 0) FROM ACT_ID_USER WHERE ID_ = ?", Integer.class, userId);
  }

  @Test
  void nobodyWithoutThePasswordLocksAChannelOut() {
    HttpApi attacker = attackerAs("telegram-bot", "203.0.113.10");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < LIMIT + 5; i++) {
      statuses.add(attacker.get("/api/v1/categories").status());
      // the channel works all the while
      assertThat(as("telegram-bot").get("/api/v1/categories").status()).isEqualTo(200);
    }

    assertThat(statuses.subList(0, LIMIT)).containsOnly(401);
    assertThat(statuses.subList(LIMIT, LIMIT + 5)).containsOnly(429);
    Response refused = attacker.post("/engine-rest/external-task/fetchAndLock", Map.of("workerId", "x", "maxTasks", 1,
        "topics", List.of(Map.of("topicName", "citizen-notification-telegram", "lockDuration", 1000))));
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isNotNull();
    // even the right password is refused from the blocked address, and only from it
    assertThat(as("telegram-bot").header("X-Forwarded-For", "203.0.113.10").get("/api/v1/categories").status())
        .isEqualTo(429);
    assertThat(as("telegram-bot").post("/engine-rest/external-task/fetchAndLock", Map.of("workerId", "bot",
        "maxTasks", 1, "topics", List.of(Map.of("topicName", "citizen-notification-telegram", "lockDuration", 1000))))
        .status()).isEqualTo(200);
    assertThat(attemptsOf("telegram-bot")).as("the engine's lock-out never counted").isZero();
  }

  @Test
  void nobodyWithoutThePasswordLocksTheAdministratorOut() {
    String admin = PostgresForTests.ADMIN_USER;
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < LIMIT + 2; i++) {
      statuses.add(TasklistSession.login(port, admin, "wrong-password-1A!", "203.0.113.11").loginStatus);
    }
    for (int i = 0; i < LIMIT + 2; i++) {
      statuses.add(attackerAs(admin, "203.0.113.12").get("/engine-rest/user/" + admin + "/profile").status());
    }

    assertThat(statuses.subList(0, LIMIT)).containsOnly(401);
    assertThat(statuses.subList(LIMIT, LIMIT + 2)).containsOnly(429);
    assertThat(statuses.subList(LIMIT + 2, 2 * LIMIT + 2)).containsOnly(401);
    assertThat(statuses.subList(2 * LIMIT + 2, 2 * LIMIT + 4)).containsOnly(429);
    assertThat(TasklistSession.login(port, admin, PostgresForTests.ADMIN_PASSWORD).loginStatus).isEqualTo(200);
    assertThat(as(admin, PostgresForTests.ADMIN_PASSWORD).get("/engine-rest/user/" + admin + "/profile").status())
        .isEqualTo(200);
    assertThat(attemptsOf(admin)).isZero();
  }

  @Test
  void aLoginThatAlsoNamesSomebodyInItsQueryStringOrSendsNoPasswordCountsAgainstNobody() {
    String admin = PostgresForTests.ADMIN_USER;
    TasklistSession session = TasklistSession.open(port, "203.0.113.40");
    String login = "/camunda/api/admin/auth/user/default/login/cockpit";

    assertThat(session.form(login + "?username=l.someone", "username=" + admin + "&password=wrong-Pass-1").statusCode())
        .isEqualTo(400);
    assertThat(session.form(login, "username=" + admin).statusCode()).isEqualTo(401);
    assertThat(session.form(login + "?username=" + admin, "").statusCode()).isEqualTo(400);
    // the path Jersey also routes, with a trailing slash
    assertThat(session.form(login + "/", "username=" + admin + "&password=wrong-Pass-1").statusCode()).isEqualTo(401);

    assertThat(attemptsOf(admin)).isZero();
    assertThat(TasklistSession.login(port, admin, PostgresForTests.ADMIN_PASSWORD).loginStatus).isEqualTo(200);
  }

  @Test
  void anAddressSpelledDifferentlyIsStillTheSameAddress() {
    List<Integer> statuses = new ArrayList<>();
    for (String spelling : List.of("203.0.113.50", "203.0.113.050", "::ffff:203.0.113.50", "203.0.113.50 ")) {
      for (int i = 0; i < 3; i++) {
        statuses.add(attackerAs("l.nobody", spelling.strip()).get("/engine-rest/task").status());
      }
    }
    assertThat(statuses.subList(0, LIMIT)).containsOnly(401);
    assertThat(statuses.subList(LIMIT, statuses.size())).containsOnly(429);
  }

  @Test
  void nobodyLocksAPersonOutEitherAndAdministratorsSeeWhoIsGuessedAt() {
    String person = Accounts.person(identityService, "l.person", "water-utility");
    HttpApi admin = as(PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD);
    for (int i = 0; i < LIMIT + 3; i++) {
      // from many addresses, so that no address is blocked: only the account is guessed at
      attackerAs(person, "203.0.113." + (100 + i)).get("/engine-rest/task");
      TasklistSession.login(port, person, "wrong-Pass-1", "203.0.114." + (100 + i));
    }

    assertThat(as(person, Accounts.PASSWORD).get("/engine-rest/task").status()).isEqualTo(200);
    assertThat(TasklistSession.login(port, person, Accounts.PASSWORD).loginStatus).isEqualTo(200);
    assertThat(attemptsOf(person)).isZero();
    JsonNode state = admin.get("/api/v1/admin/login-protection").json();
    assertThat(state.get("failedAccounts")).anySatisfy(account -> {
      assertThat(account.get("userId").asText()).isEqualTo(person);
      assertThat(account.get("failures").asInt()).isEqualTo(2 * (LIMIT + 3));
    });
    assertThat(as(person, Accounts.PASSWORD).get("/api/v1/admin/login-protection").status()).isEqualTo(403);
  }

  @Test
  void administratorsSeeAndLiftBlocksAndLocksLeftFromBefore() {
    HttpApi admin = as(PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD);
    for (int i = 0; i < LIMIT; i++) {
      attackerAs("l.nobody-" + i, "203.0.113.21").get("/engine-rest/task");
    }
    // an account the engine locked before this release
    String locked = Accounts.person(identityService, "l.locked", "water-utility");
    jdbc.update("UPDATE ACT_ID_USER SET ATTEMPTS_ = 10 WHERE ID_ = ?", locked);

    JsonNode state = admin.get("/api/v1/admin/login-protection").json();
    assertThat(state.get("blockedAddresses")).anySatisfy(block -> {
      assertThat(block.get("address").asText()).isEqualTo("203.0.113.21");
      assertThat(block.get("failures").asInt()).isEqualTo(LIMIT);
    });
    assertThat(state.get("lockedAccounts")).anySatisfy(account -> {
      assertThat(account.get("userId").asText()).isEqualTo(locked);
      assertThat(account.get("untilUnlocked").asBoolean()).isTrue();
    });

    assertThat(admin.delete("/api/v1/admin/login-protection/blocked-addresses?address=203.0.113.021").status())
        .isEqualTo(204);
    assertThat(attackerAs("l.nobody", "203.0.113.21").get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(admin.post("/api/v1/admin/login-protection/locked-accounts/" + locked + "/unlock", Map.of()).status())
        .isEqualTo(204);
    assertThat(attemptsOf(locked)).isZero();
    assertThat(TasklistSession.login(port, locked, Accounts.PASSWORD).loginStatus).isEqualTo(200);
  }
}
