package ua.dnipro.contactcenter.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import ua.dnipro.contactcenter.api.FieldViolation;
import ua.dnipro.contactcenter.api.Violations;

class ExampleCasesTests {

  static final String ROUTING_HEADER = "category,issueType,receivedMonth,expectedDepartment,expectedSlaTier,expectedNeedsStudy\n";
  static final String SLA_HEADER = "slaTier,expectedSlaDuration,expectedTaskPriority,expectedSecondEscalationAfter,expectedReminderBefore\n";

  @Test
  void theShippedExamplesHold() {
    assertThat(check(GateFixtures.shipped())).isEmpty();
  }

  @Test
  void aRoutingExampleThatDoesNotHoldIsReportedWithItsLine() {
    List<FieldViolation> problems = check(GateFixtures.files(ClassifierFiles.ROUTING_EXAMPLES, ROUTING_HEADER
        + "WATER,NO_WATER,,water-utility,EMERGENCY,false\n"
        + "# a comment line\n"
        + "LIFTS,PERSON_STUCK,,housing,EMERGENCY,\n"));
    assertThat(problems).extracting(FieldViolation::field, FieldViolation::rule)
        .containsExactly(tuple(ClassifierFiles.ROUTING_EXAMPLES + ":4", "example"));
    assertThat(problems.get(0).message()).contains("but the table gives lift-service, EMERGENCY in month 1");
  }

  @Test
  void theStatutoryTermIsCheckedWhereTheExampleStatesIt() {
    assertThat(check(GateFixtures.files(ClassifierFiles.ROUTING_EXAMPLES, ROUTING_HEADER
        + "WATER,WATER_QUALITY,3,water-utility,MEDIUM,false\n")))
        .extracting(FieldViolation::message).singleElement().asString().contains("needsStudy true");
  }

  @Test
  void anSlaExampleThatDoesNotHoldIsReportedWithWhatTheTableGives() {
    List<FieldViolation> problems = check(GateFixtures.files(ClassifierFiles.SLA_EXAMPLES, SLA_HEADER
        + "EMERGENCY,PT6H,90,PT6H,PT2H\nSHORT,PT12H,70,PT24H,PT6H\n"));
    assertThat(problems).extracting(FieldViolation::field).containsExactly(ClassifierFiles.SLA_EXAMPLES + ":3");
    assertThat(problems.get(0).message()).contains("SHORT should be PT12H").contains("slaDuration=PT24H");
  }

  @Test
  void aMalformedExampleFileIsRefusedAsSuch() {
    assertThat(check(GateFixtures.files(ClassifierFiles.ROUTING_EXAMPLES, ROUTING_HEADER + "WATER,NO_WATER\n",
        ClassifierFiles.SLA_EXAMPLES, SLA_HEADER + "SHORT,PT24H,high,PT24H,PT6H\n")))
        .extracting(FieldViolation::field, FieldViolation::rule).containsExactly(
            tuple(ClassifierFiles.ROUTING_EXAMPLES, "examples-format"), tuple(ClassifierFiles.SLA_EXAMPLES, "examples-format"));
  }

  private static List<FieldViolation> check(ClassifierFiles examples) {
    Violations problems = new Violations();
    new ExampleCases(GateFixtures.DMN).check(examples, GateFixtures.decision(GateFixtures.routing(), "ComplaintRouting"),
        GateFixtures.decision(GateFixtures.sla(), "SlaTier"), problems);
    return problems.list();
  }
}
