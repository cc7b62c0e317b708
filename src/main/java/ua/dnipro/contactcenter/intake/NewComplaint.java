package ua.dnipro.contactcenter.intake;

import java.time.Instant;

/** A complaint as a channel files it. */
public record NewComplaint(
    String channel,
    Applicant applicant,
    String category,
    String issueType,
    String description,
    Location location,
    Instant receivedAt) {

  /** The citizen who signs the appeal; anonymous appeals are not processed. */
  public record Applicant(String firstName, String lastName, String patronymic, String phone, String email,
      String address) {
  }

  /** Where the problem is. */
  public record Location(String address, String district, Double latitude, Double longitude) {
  }
}
