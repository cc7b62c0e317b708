package ua.dnipro.contactcenter.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import ua.dnipro.contactcenter.api.FieldViolation;
import ua.dnipro.contactcenter.api.Violations;

class SlaRulesTests {

  @Test
  void theShippedTableNamesTheFourTiers() {
    Violations problems = new Violations();
    String sla = GateFixtures.sla();
    assertThat(new SlaRules(GateFixtures.DMN).check(GateFixtures.table(sla), GateFixtures.decision(sla, "SlaTier"), problems))
        .containsExactly("EMERGENCY", "SHORT", "MEDIUM", "LONG");
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void aDurationTheTimersCannotUseIsRefusedOnItsRule() {
    List<FieldViolation> problems = check(GateFixtures.withOutput(GateFixtures.sla(), "Rule_Short_out1", "\"24 hours\""));
    assertThat(problems).extracting(FieldViolation::field, FieldViolation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Rule_Short", "duration"));
    assertThat(problems.get(0).message()).startsWith("SHORT: slaDuration");
  }

  @Test
  void aPriorityOutsideZeroToAHundredIsRefused() {
    assertThat(check(GateFixtures.withOutput(GateFixtures.sla(), "Rule_Long_out2", "101")))
        .extracting(FieldViolation::rule).containsExactly("priority");
    assertThat(check(GateFixtures.withOutput(GateFixtures.sla(), "Rule_Long_out2", "100"))).isEmpty();
  }

  @Test
  void aRuleThatDoesNotNameOneTierIsRefused() {
    String anyTier = GateFixtures.sla().replace("<inputEntry id=\"Rule_Long_in1\"><text>\"LONG\"</text>",
        "<inputEntry id=\"Rule_Long_in1\"><text>-</text>");
    assertThat(check(anyTier)).extracting(FieldViolation::field, FieldViolation::rule)
        .contains(org.assertj.core.groups.Tuple.tuple("Rule_Long", "tier-literal"));
  }

  @Test
  void aTierTheTableAnswersTwiceIsRefused() {
    String twice = GateFixtures.sla().replace("<inputEntry id=\"Rule_Long_in1\"><text>\"LONG\"</text>",
        "<inputEntry id=\"Rule_Long_in1\"><text>\"MEDIUM\"</text>");
    assertThat(check(twice)).extracting(FieldViolation::rule).contains("evaluation");
  }

  private static List<FieldViolation> check(String sla) {
    Violations problems = new Violations();
    new SlaRules(GateFixtures.DMN).check(GateFixtures.table(sla), GateFixtures.decision(sla, "SlaTier"), problems);
    return problems.list();
  }
}
