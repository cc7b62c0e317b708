package ua.dnipro.contactcenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.dnipro.contactcenter.testing.Accounts;
import ua.dnipro.contactcenter.testing.HttpApi;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * Finding 4: the routing table was evaluated with every process variable in scope but gated with
 * three, so an analyst's {@code if applicantPhone = null then … else "water-utility" + applicantPhone}
 * passed the gate, published phones as department keys and dropped the complaint into a group
 * nobody is in. The table now sees only its inputs (engine tests: ComplaintProcessTests), answers
 * only with literals, and the gate refuses anything else.
 */
class ClassifierLeakAttackTests extends PostgresApplicationTest {

  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;

  HttpApi analyst() {
    return as(Accounts.person(identityService, "x.analyst", "analysts"), Accounts.PASSWORD);
  }

  static String routing() throws IOException {
    return Files.readString(Path.of("decisions/ComplaintRouting.dmn"));
  }

  Response upload(String table) {
    return analyst().postMultipart("/api/v1/classifier/versions", Map.of("comment", "attack"),
        Map.of("ComplaintRouting.dmn", table.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aTableThatComputesItsAnswerFromTheApplicantIsRefused() throws IOException {
    long versions = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("ComplaintRouting").count();
    String leaking = routing().replaceFirst(
        "<outputEntry id=\"Rule_Water_NoWater_out1\"><text>\"water-utility\"</text>",
        "<outputEntry id=\"Rule_Water_NoWater_out1\"><text>if applicantPhone = null then \"water-utility\" "
            + "else \"water-utility\" + applicantPhone</text>");

    Response refused = upload(leaking);

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("errors")).anySatisfy(error -> {
      assertThat(error.get("field").asText()).isEqualTo("Rule_Water_NoWater");
      assertThat(error.get("rule").asText()).isEqualTo("literal-output");
    });
    // the category's name is an answer too
    Response name = upload(routing().replaceFirst(
        "<outputEntry id=\"Rule_Water_NoWater_out3\"><text>\"Водопостачання та водовідведення\"</text>",
        "<outputEntry id=\"Rule_Water_NoWater_out3\"><text>applicantLastName + \" \" + applicantAddress</text>"));
    assertThat(name.status()).isEqualTo(400);
    assertThat(name.body()).contains("literal-output");

    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("ComplaintRouting").count())
        .isEqualTo(versions);
  }

  @Test
  void aTableThatAsksForMoreThanItsInputsIsRefused() throws IOException {
    String asksForThePhone = routing()
        .replace("""
            <output id="Output_Department\"""", """
            <input id="Input_Phone" label="Телефон">
                  <inputExpression id="InputExpression_Phone" typeRef="string"><text>applicantPhone</text></inputExpression>
                </input>
                <output id="Output_Department\"""")
        .replaceAll("(<inputEntry id=\"(Rule_[A-Za-z_]+)_in3\"><text>[^<]*</text></inputEntry>)",
            "$1<inputEntry id=\"$2_in4\"><text>-</text></inputEntry>");

    Response refused = upload(asksForThePhone);

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("unknown-input").contains("applicantPhone");
  }

  @Test
  void faultsTheTablesCauseAtRunTimeAreShownToAnalystsOnly() {
    assertThat(analyst().get("/api/v1/classifier/faults").status()).isEqualTo(200);
    HttpApi executor = as(Accounts.person(identityService, "x.faults.executor", "water-utility"), Accounts.PASSWORD);
    assertThat(executor.get("/api/v1/classifier/faults").status()).isEqualTo(403);
    assertThat(anonymous().get("/api/v1/classifier/faults").status()).isEqualTo(401);
  }
}
