package ua.dnipro.contactcenter.testing;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import ua.dnipro.contactcenter.intake.NewComplaint;

/** Complaints as citizens file them, for tests. */
public final class ComplaintFixtures {

  private ComplaintFixtures() {
  }

  public static NewComplaint complaint(String category, String issueType, String address) {
    return complaint(category, issueType, address, null);
  }

  public static NewComplaint complaint(String category, String issueType, String address, Instant receivedAt) {
    return new NewComplaint("HOTLINE",
        new NewComplaint.Applicant("Олена", "Коваленко", "Петрівна", "+380671234567", null, "вул. Січеславська Набережна, 5"),
        category, issueType, "Опис проблеми від заявника",
        new NewComplaint.Location(address, "Sobornyi", 48.4647, 35.0462), receivedAt);
  }

  /** The process variables a filed complaint starts with. */
  public static VariableMap startVariables(String category, String issueType, Instant receivedAt) {
    return Variables.createVariables()
        .putValue(CHANNEL, "HOTLINE")
        .putValue(APPLICANT_FIRST_NAME, "Олена")
        .putValue(APPLICANT_LAST_NAME, "Коваленко")
        .putValue(APPLICANT_PHONE, "+380671234567")
        .putValue(APPLICANT_ADDRESS, "вул. Січеславська Набережна, 5")
        .putValue(CATEGORY, category)
        .putValue(ISSUE_TYPE, issueType)
        .putValue(DESCRIPTION, "Опис проблеми від заявника")
        .putValue(LOCATION_ADDRESS, "вул. Робоча, 1")
        .putValue(DISTRICT, "Chechelivskyi")
        .putValue(RECEIVED_AT, Date.from(receivedAt));
  }
}
