package ua.dnipro.contactcenter.personaldata;

import java.util.function.Function;

/**
 * The personal data a person may be shown, each under the name of the engine variable that
 * refers to it (the Tasklist forms' keys).
 */
public enum PersonalDataField {
  APPLICANT_NAME("applicantName", PersonalData::fullName),
  APPLICANT_PHONE("applicantPhone", PersonalData::phone),
  APPLICANT_EMAIL("applicantEmail", PersonalData::email),
  APPLICANT_ADDRESS("applicantAddress", PersonalData::applicantAddress),
  DESCRIPTION("description", PersonalData::description),
  LOCATION_ADDRESS("locationAddress", PersonalData::locationAddress);

  private final String variableName;
  private final Function<PersonalData, String> value;

  PersonalDataField(String variableName, Function<PersonalData, String> value) {
    this.variableName = variableName;
    this.value = value;
  }

  /** The name of the engine variable that refers to this field. */
  public String variableName() {
    return variableName;
  }

  public String of(PersonalData data) {
    return data == null ? null : value.apply(data);
  }
}
