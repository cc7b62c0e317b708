package ua.dnipro.contactcenter.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import ua.dnipro.contactcenter.api.FieldViolation;
import ua.dnipro.contactcenter.api.Violations;

class FilePolicyTests {

  @Test
  void theShippedTablesAndExamplesPass() {
    assertThat(check(GateFixtures.shipped())).isEmpty();
  }

  @Test
  void anEmptyUploadIsRefused() {
    assertThat(check(GateFixtures.files())).extracting(FieldViolation::field, FieldViolation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("files", "required"));
  }

  @Test
  void aProcessAFormOrAScriptIsRefusedByName() {
    List<FieldViolation> problems = check(GateFixtures.files("ComplaintProcess.bpmn", "<definitions/>",
        "evil.js", "java.lang.Runtime", ClassifierFiles.SLA_FILE, GateFixtures.sla()));
    assertThat(problems).extracting(FieldViolation::field).containsExactlyInAnyOrder("ComplaintProcess.bpmn", "evil.js");
    assertThat(problems).allMatch(problem -> problem.rule().equals("file-type"));
  }

  @Test
  void aTableWithADoctypeOrAnEntityIsRefused_inAnyLetterCase() {
    String xxe = GateFixtures.routing().replace("<definitions", """
        <!doctype definitions [ <!entity secret SYSTEM "file:///etc/passwd"> ]>
        <definitions""");
    assertThat(check(GateFixtures.files(ClassifierFiles.ROUTING_FILE, xxe)))
        .extracting(FieldViolation::field, FieldViolation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ClassifierFiles.ROUTING_FILE, "xml-doctype"));
  }

  @Test
  void anExampleFileMayMentionADoctype_forItIsNotParsedAsXml() {
    assertThat(check(GateFixtures.files(ClassifierFiles.ROUTING_EXAMPLES, "category\n# <!DOCTYPE is fine here\n")))
        .isEmpty();
  }

  private static List<FieldViolation> check(ClassifierFiles files) {
    Violations problems = new Violations();
    FilePolicy.check(files, problems);
    return problems.list();
  }
}
