package ua.dnipro.contactcenter.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;
import ua.dnipro.contactcenter.api.FieldViolation;

/** The order of the gate's steps: a later one runs only on what passed the earlier ones. */
class ClassifierGateTests {

  final ClassifierGate gate = new ClassifierGate(null, null);

  @Test
  void theShippedVersionPasses_andAnUploadOfOneTableIsCompletedByTheDeployedOther() {
    assertThat(gate.check(GateFixtures.shipped(), GateFixtures.files(), GateFixtures.DEPARTMENTS)).isEmpty();
    assertThat(gate.check(GateFixtures.files(ClassifierFiles.SLA_FILE, GateFixtures.sla()), GateFixtures.shipped(),
        GateFixtures.DEPARTMENTS)).isEmpty();
  }

  @Test
  void theFirstDeploymentNeedsBothTables() {
    assertThat(gate.check(GateFixtures.files(ClassifierFiles.SLA_FILE, GateFixtures.sla()), GateFixtures.files(),
        GateFixtures.DEPARTMENTS)).extracting(FieldViolation::field, FieldViolation::rule)
        .containsExactly(tuple(ClassifierFiles.ROUTING_FILE, "missing-table"));
  }

  @Test
  void aForbiddenFileStopsTheGateBeforeAnyTableIsRead() {
    assertThat(gate.check(GateFixtures.files("x.bpmn", "<definitions/>", ClassifierFiles.ROUTING_FILE, "not xml"),
        GateFixtures.shipped(), GateFixtures.DEPARTMENTS)).extracting(FieldViolation::rule).containsExactly("file-type");
  }

  @Test
  void aBadShapeStopsTheGateBeforeAnyCaseIsEvaluated() {
    String phone = GateFixtures.routing().replace("<text>receivedMonth</text>", "<text>applicantPhone</text>");
    assertThat(gate.check(GateFixtures.files(ClassifierFiles.ROUTING_FILE, phone), GateFixtures.shipped(),
        GateFixtures.DEPARTMENTS)).extracting(FieldViolation::rule).containsExactly("unknown-input");
  }

  @Test
  void theSlaTablesTiersAreWhatTheRoutingMayUse() {
    String noLong = GateFixtures.sla().replace("\"LONG\"</text></inputEntry>", "\"SLOW\"</text></inputEntry>");
    assertThat(gate.check(GateFixtures.files(ClassifierFiles.SLA_FILE, noLong, ClassifierFiles.SLA_EXAMPLES,
        ExampleCasesTests.SLA_HEADER), GateFixtures.shipped(), GateFixtures.DEPARTMENTS))
        .extracting(FieldViolation::rule).containsOnly("unknown-tier").isNotEmpty();
  }
}
