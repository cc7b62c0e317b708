package ua.dnipro.contactcenter.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.Test;
import ua.dnipro.contactcenter.api.FieldViolation;
import ua.dnipro.contactcenter.api.Violations;

class TableShapeTests {

  @Test
  void theShippedTablesHaveTheShapeTheProcessReads() {
    assertThat(rules(TableShape.ROUTING, GateFixtures.routing())).isEmpty();
    assertThat(rules(TableShape.SLA, GateFixtures.sla())).isEmpty();
  }

  @Test
  void anInputTheProcessDoesNotGive_suchAsTheApplicantsPhone_isRefused() {
    String phone = GateFixtures.routing().replace("<text>receivedMonth</text>", "<text>applicantPhone</text>");
    List<FieldViolation> problems = check(TableShape.ROUTING, phone);
    assertThat(problems).extracting(FieldViolation::rule).containsExactly("unknown-input");
    assertThat(problems.get(0).message()).contains("applicantPhone").contains("[category, issueType, receivedMonth]");
  }

  @Test
  void anAnswerComputedByAnExpression_ratherThanWritten_isRefusedOnItsRule() {
    String computed = GateFixtures.withOutput(GateFixtures.routing(), "Rule_Water_NoWater_out1",
        "\"water-utility\" + applicantPhone");
    List<FieldViolation> problems = check(TableShape.ROUTING, computed);
    assertThat(problems).extracting(FieldViolation::field, FieldViolation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Rule_Water_NoWater", "literal-output"));
  }

  @Test
  void numbersBooleansAndQuotedTextAreLiterals() {
    String priority = GateFixtures.withOutput(GateFixtures.sla(), "Rule_Emergency_out2", "-12.5");
    assertThat(check(TableShape.SLA, priority)).isEmpty();
  }

  @Test
  void anExpressionLanguageOtherThanFeel_anywhereInTheFile_isRefused() {
    String juel = GateFixtures.routing().replace("<inputExpression id=\"InputExpression_Category\"",
        "<inputExpression expressionLanguage=\"juel\" id=\"InputExpression_Category\"");
    assertThat(check(TableShape.ROUTING, juel)).extracting(FieldViolation::rule).containsExactly("expression-language");
    String feel = GateFixtures.routing().replace("<inputExpression id=\"InputExpression_Category\"",
        "<inputExpression expressionLanguage=\"https://www.omg.org/spec/DMN/20191111/FEEL/\" id=\"InputExpression_Category\"");
    assertThat(check(TableShape.ROUTING, feel)).isEmpty();
    String otherCase = feel.replace("20191111/FEEL/", "20191111/feel/");
    assertThat(check(TableShape.ROUTING, otherCase)).as("the engine would take it for a script language")
        .extracting(FieldViolation::rule).containsExactly("expression-language");
    assertThat(check(TableShape.ROUTING, feel.replace("https://www.omg.org/spec/DMN/20191111/FEEL/", "FEEL"))).isEmpty();
  }

  @Test
  void aMissingOutputOrInputIsNamed() {
    String noTier = GateFixtures.sla().replace("name=\"reminderBefore\"", "name=\"reminder\"");
    assertThat(check(TableShape.SLA, noTier)).extracting(FieldViolation::rule).containsExactly("missing-output");
    String noCategory = GateFixtures.routing().replace("<text>category</text>", "<text>receivedMonth</text>");
    assertThat(check(TableShape.ROUTING, noCategory)).extracting(FieldViolation::rule).containsExactly("missing-input");
  }

  @Test
  void aTableWithMoreThanOneAnswerPerCaseIsRefused() {
    String collect = GateFixtures.sla().replace("hitPolicy=\"UNIQUE\"", "hitPolicy=\"COLLECT\"");
    assertThat(check(TableShape.SLA, collect)).extracting(FieldViolation::rule).containsExactly("hit-policy");
  }

  @Test
  void anotherDecisionInTheFile_orTheDecisionUnderAnotherId_isRefused() {
    String renamed = GateFixtures.sla().replace("<decision id=\"SlaTier\"", "<decision id=\"Deadlines\"");
    List<FieldViolation> problems = check(TableShape.SLA, renamed);
    assertThat(problems).extracting(FieldViolation::rule).containsExactly("unknown-decision");
  }

  @Test
  void aDecisionThatIsNotATableIsRefused() {
    String literal = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
          <decision id="SlaTier" name="Deadline">
            <literalExpression id="e"><text>"PT6H"</text></literalExpression>
          </decision>
        </definitions>
        """;
    assertThat(check(TableShape.SLA, literal)).extracting(FieldViolation::rule).containsExactly("not-a-table");
    String empty = literal.replaceAll("(?s)<decision.*</decision>", "");
    assertThat(check(TableShape.SLA, empty)).extracting(FieldViolation::rule).containsExactly("missing-decision");
  }

  @Test
  void aFileThatIsNotDmnIsRefusedAsUnreadable_andAnAbsentOneIsNotReadAtAll() {
    Violations problems = new Violations();
    assertThat(TableShape.SLA.read(GateFixtures.files(ClassifierFiles.SLA_FILE, "<html/>"), problems)).isNull();
    assertThat(problems.list()).extracting(FieldViolation::rule).containsExactly("parse");
    Violations none = new Violations();
    assertThat(TableShape.SLA.read(GateFixtures.files(), none)).isNull();
    assertThat(none.isEmpty()).isTrue();
  }

  @Test
  void theDmnEngineParsesWhatPassed() {
    Violations problems = new Violations();
    assertThat(TableShape.ROUTING.evaluable(GateFixtures.shipped(), GateFixtures.DMN, problems)).isNotNull();
    assertThat(problems.isEmpty()).isTrue();
  }

  private static List<FieldViolation> check(TableShape shape, String xml) {
    Violations problems = new Violations();
    DmnModelInstance model = shape.read(GateFixtures.files(shape.file(), xml), problems);
    assertThat(model).as("readable").isNotNull();
    shape.check(model, problems);
    return problems.list();
  }

  private static List<FieldViolation> rules(TableShape shape, String xml) {
    return check(shape, xml);
  }
}
