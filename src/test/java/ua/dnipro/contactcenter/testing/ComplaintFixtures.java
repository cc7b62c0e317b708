package ua.dnipro.contactcenter.testing;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import ua.dnipro.contactcenter.intake.NewComplaint;
import ua.dnipro.contactcenter.personaldata.PersonalData;

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
        new NewComplaint.Location(address, "SOBORNYI", 48.4647, 35.0462), receivedAt);
  }

  private static final java.util.concurrent.atomic.AtomicInteger HOUSES = new java.util.concurrent.atomic.AtomicInteger(100);

  /**
   * Another house of the same street each time: the same applicant about the same place and
   * question soon after a resolution would be a repeated appeal (Law "On Citizens' Appeals", art. 8).
   */
  public static String anotherHouse() {
    return "вул. Робоча, " + HOUSES.incrementAndGet();
  }

  /**
   * As {@link #apiBody()}, about a house of its own: for a complaint a test resolves, so that the
   * same body filed later by another test is not a repeated appeal of it.
   */
  public static Map<String, Object> apiBodyAtAHouseOfItsOwn() {
    Map<String, Object> body = apiBody();
    part(body, "location").put("address", anotherHouse());
    return body;
  }

  /** A complete, valid body for POST /api/v1/complaints, as a mutable JSON tree. */
  public static Map<String, Object> apiBody() {
    Map<String, Object> applicant = new LinkedHashMap<>(Map.of(
        "firstName", "Олена", "lastName", "Коваленко", "patronymic", "Петрівна",
        "phone", "+380671234567", "email", "olena@example.com", "address", "вул. Січеславська Набережна, 5, кв. 12"));
    Map<String, Object> location = new LinkedHashMap<>(Map.of(
        "address", "вул. Робоча, 1", "district", "CHECHELIVSKYI", "lat", 48.4593, "lon", 35.0183));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("applicant", applicant);
    body.put("category", "WATER");
    body.put("issueType", "NO_WATER");
    body.put("description", "З учорашнього вечора немає холодної води у всьому під'їзді");
    body.put("location", location);
    return body;
  }

  /** A nested object of a JSON tree built by {@link #apiBody()}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> part(Map<String, Object> body, String name) {
    return (Map<String, Object>) body.get(name);
  }

  /** The process variables a filed complaint starts with (as ComplaintFiling starts it). */
  public static VariableMap startVariables(String category, String issueType, Instant receivedAt) {
    return Variables.createVariables()
        .putValue(CATEGORY, category)
        .putValue(ISSUE_TYPE, issueType)
        .putValueTyped(CHANNEL, Variables.stringValue("HOTLINE", true))
        .putValueTyped(DISTRICT, Variables.stringValue("CHECHELIVSKYI", true))
        .putValueTyped(LATITUDE, Variables.doubleValue(48.4593, true))
        .putValueTyped(LONGITUDE, Variables.doubleValue(35.0183, true))
        .putValueTyped(RECEIVED_AT, Variables.dateValue(Date.from(receivedAt), true));
  }

  /** The applicant and their words, as the vault keeps them for a complaint filed with the fixtures. */
  public static PersonalData personalData(String number) {
    return PersonalData.filed(number, "Олена", "Коваленко", "Петрівна", "+380671234567", null,
        "вул. Січеславська Набережна, 5", "Опис проблеми від заявника", "вул. Робоча, 1", 48.4593, 35.0183);
  }
}
