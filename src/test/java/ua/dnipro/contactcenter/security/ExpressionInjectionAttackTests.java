package ua.dnipro.contactcenter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.dnipro.contactcenter.organisation.CityGroups;
import ua.dnipro.contactcenter.testing.Accounts;
import ua.dnipro.contactcenter.testing.HttpApi;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;
import ua.dnipro.contactcenter.testing.TasklistSession;

/**
 * Finding 1: an expression sent inside {@code orQueries} ran with the whole application in reach;
 * with {@code jdbcTemplate} a user of no group made itself an administrator. Each attack is sent as
 * found, and the escalation it aimed at must not have happened.
 */
class ExpressionInjectionAttackTests extends PostgresApplicationTest {

  static final String NOBODY = "x.nobody";
  /** What the attacker ran: make itself a member of the administrators' group. */
  static final String MAKE_ME_ADMIN = "${jdbcTemplate.update(\"insert into act_id_membership (user_id_, group_id_) "
      + "values ('" + NOBODY + "', 'camunda-admin')\") > 0 ? dateTime().toDate() : dateTime().toDate()}";

  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired ExpressionBeans expressionBeans;

  @AfterEach
  void nobodyIsStillNobody() {
    assertThat(identityService.createUserQuery().userId(NOBODY).memberOfGroup(CityGroups.ADMINS).count())
        .as("the attacker is not an administrator").isZero();
  }

  HttpApi nobody() {
    return as(Accounts.person(identityService, NOBODY), Accounts.PASSWORD);
  }

  static Map<String, Object> orQuery(String key) {
    return Map.of("orQueries", List.of(Map.of(key, MAKE_ME_ADMIN)));
  }

  @Test
  void anExpressionInsideOrQueriesIsRefusedOnEngineRest() {
    Response refused = nobody().post("/engine-rest/task/count", orQuery("dueAfterExpression"));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(refused.json().get("problems").get(0).get("field").asText()).isEqualTo("orQueries[0].dueAfterExpression");
    assertThat(refused.json().get("problems").get(0).get("rule").asText()).isEqualTo("no-expressions");
  }

  @Test
  void aChannelBotIsRefusedTheSameWay() {
    assertThat(as("telegram-bot").post("/engine-rest/task", orQuery("followUpBeforeExpression")).status()).isEqualTo(400);
  }

  @Test
  void everyExpressionKeyIsRefusedAtAnyDepthAndInAnySpelling() {
    HttpApi nobody = nobody();
    // the top level, which the engine's own switch already refused, and deeper than orQueries
    assertThat(nobody.post("/engine-rest/task/count", Map.of("dueAfterExpression", MAKE_ME_ADMIN)).status()).isEqualTo(400);
    assertThat(nobody.post("/engine-rest/task/count", Map.of("orQueries", List.of(Map.of("x", Map.of(
        "candidateGroupExpression", MAKE_ME_ADMIN))))).status()).isEqualTo(400);
    // a JSON escape spells the key the same way for the engine's parser
    assertThat(nobody.post("/engine-rest/task/count",
        "{\"orQueries\":[{\"dueAfter\\u0045xpression\":\"" + MAKE_ME_ADMIN.replace("\"", "\\\"") + "\"}]}").status())
        .isEqualTo(400);
    // as a query parameter
    assertThat(nobody.get("/engine-rest/task?dueAfterExpression=" + java.net.URLEncoder.encode(MAKE_ME_ADMIN,
        java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(400);
    // a body the check cannot read is not passed on: trailing content after the JSON document
    assertThat(nobody.post("/engine-rest/task/count", "{} {\"dueAfterExpression\":\"x\"}").status()).isEqualTo(400);
  }

  @Test
  void anExpressionInAFiltersExtensionIsRefused() {
    // the water utility's own open-tasks filter, which its executors read
    Filter open = filterService.createFilterQuery().filterName("Відкриті звернення: КП «Дніпроводоканал»").singleResult();
    HttpApi executor = as(Accounts.person(identityService, "x.water.filter", "water-utility"), Accounts.PASSWORD);

    assertThat(executor.post("/engine-rest/filter/" + open.getId() + "/count", orQuery("dueAfterExpression")).status())
        .isEqualTo(400);
    assertThat(executor.post("/engine-rest/filter/" + open.getId() + "/list", orQuery("dueBeforeExpression")).status())
        .isEqualTo(400);
    // the filter itself still works for its group
    assertThat(executor.post("/engine-rest/filter/" + open.getId() + "/count", Map.of()).status()).isEqualTo(200);
  }

  @Test
  void anExpressionThroughTasklistsOwnApiIsRefused() {
    TasklistSession tasklist = TasklistSession.login(port,
        Accounts.person(identityService, "x.water.tasklist", "water-utility"), Accounts.PASSWORD);
    assertThat(tasklist.loginStatus).as(tasklist.login.body()).isEqualTo(200);

    var refused = tasklist.post(TasklistSession.engine("/task/count"),
        "{\"orQueries\":[{\"dueAfterExpression\":\"" + MAKE_ME_ADMIN.replace("\"", "\\\"") + "\"}]}");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    var allowed = tasklist.post(TasklistSession.engine("/task/count"), "{}");
    assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
  }

  @Test
  void evenAnExpressionTheApplicationStoresSeesOnlyTheModelsBeans() {
    // a filter written through the Java API, as only the application can: its expression runs
    // for whoever opens the filter, and still reaches none of the application's other beans
    Filter filter = filterService.newTaskFilter("probe: expression reach");
    filter.setQuery(taskService.createTaskQuery().dueAfterExpression(MAKE_ME_ADMIN));
    filterService.saveFilter(filter);
    try {
      assertThatThrownBy(() -> filterService.count(filter.getId())).isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("jdbcTemplate");

      Filter modelBean = filterService.newTaskFilter("probe: a model's bean");
      modelBean.setQuery(taskService.createTaskQuery().dueAfterExpression("${registerComplaint != null ? now() : now()}"));
      filterService.saveFilter(modelBean);
      assertThat(filterService.count(modelBean.getId())).isNotNull();
      filterService.deleteFilter(modelBean.getId());
    } finally {
      filterService.deleteFilter(filter.getId());
    }
  }

  @Test
  void expressionsSeeTheBeansTheModelsNameAndNoOthers() throws Exception {
    java.util.Set<String> named = new java.util.TreeSet<>();
    var pattern = java.util.regex.Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
    for (var file : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
        .getResources("classpath*:processes/*.bpmn")) {
      var matcher = pattern.matcher(new String(file.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      while (matcher.find()) {
        named.add(matcher.group(1));
      }
    }
    assertThat(named).hasSizeGreaterThan(10);
    assertThat(expressionBeans.exposedNames()).containsAll(named)
        .doesNotContain("jdbcTemplate", "dataSource", "runtimeService", "identityService", "processEngine",
            "expressionBeans", "complaintFiling");
  }
}
