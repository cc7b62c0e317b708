package ua.dnipro.contactcenter.personaldata;

import java.time.Instant;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What identifies the applicant of one complaint, and what they wrote: the contact details the Law
 * "On Citizens' Appeals" requires, the free-text description and addresses, and the exact point.
 * After anonymisation every field is null and {@link #anonymisedAt()} says when that happened.
 */
public record PersonalData(String complaintNumber, String firstName, String lastName, String patronymic, String phone,
    String email, String applicantAddress, String description, String locationAddress, Double latitude,
    Double longitude, Instant anonymisedAt) {

  /** The data of a complaint just filed. */
  public static PersonalData filed(String complaintNumber, String firstName, String lastName, String patronymic,
      String phone, String email, String applicantAddress, String description, String locationAddress,
      Double latitude, Double longitude) {
    return new PersonalData(complaintNumber, firstName, lastName, patronymic, phone, email, applicantAddress,
        description, locationAddress, latitude, longitude, null);
  }

  public boolean anonymised() {
    return anonymisedAt != null;
  }

  /** "Коваленко Олена Петрівна": family name first, as Ukrainian offices write it. */
  public String fullName() {
    String name = Stream.of(lastName, firstName, patronymic).filter(Objects::nonNull).filter(s -> !s.isBlank())
        .collect(Collectors.joining(" "));
    return name.isEmpty() ? null : name;
  }
}
