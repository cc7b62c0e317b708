package ua.dnipro.contactcenter.classifier;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.DecisionTable;

/** The classifier as it is in {@code decisions/}, and ways to read changed copies of it, for the gate's plain tests. */
final class GateFixtures {

  static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  /** Every department the shipped routing table names, as if each existed as a group. */
  static final Set<String> DEPARTMENTS = Set.of("animal-care", "civil-protection", "dispatchers",
      "district-administration", "green-economy", "heat-supply", "housing", "improvement-infrastructure", "lift-service",
      "power-grid", "sanitation", "storm-sewer", "street-lighting", "trade-market", "traffic-management", "transport",
      "water-utility");
  static final Set<String> TIERS = Set.of("EMERGENCY", "SHORT", "MEDIUM", "LONG");

  private GateFixtures() {
  }

  static String text(String name) {
    try {
      return Files.readString(Path.of("decisions", name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String routing() {
    return text(ClassifierFiles.ROUTING_FILE);
  }

  static String sla() {
    return text(ClassifierFiles.SLA_FILE);
  }

  /** The shipped version: both tables and both example files. */
  static ClassifierFiles shipped() {
    return files(ClassifierFiles.ROUTING_FILE, routing(), ClassifierFiles.SLA_FILE, sla(),
        ClassifierFiles.ROUTING_EXAMPLES, text(ClassifierFiles.ROUTING_EXAMPLES),
        ClassifierFiles.SLA_EXAMPLES, text(ClassifierFiles.SLA_EXAMPLES));
  }

  static ClassifierFiles files(String... namesAndTexts) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      files.put(namesAndTexts[i], namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return new ClassifierFiles(files);
  }

  static DecisionTable table(String xml) {
    return Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
        .getModelElementsByType(DecisionTable.class).iterator().next();
  }

  static DmnDecision decision(String xml, String decisionId) {
    return DMN.parseDecision(decisionId, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** A copy of a table with one rule's output entry replaced, as an analyst would edit it. */
  static String withOutput(String xml, String outputEntryId, String text) {
    String start = "<outputEntry id=\"" + outputEntryId + "\"><text>";
    int from = xml.indexOf(start);
    if (from < 0) {
      throw new IllegalArgumentException("no output entry " + outputEntryId);
    }
    int end = xml.indexOf("</text>", from);
    return xml.substring(0, from + start.length()) + text + xml.substring(end);
  }
}
