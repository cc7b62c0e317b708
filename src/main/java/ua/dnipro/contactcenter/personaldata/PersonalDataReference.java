package ua.dnipro.contactcenter.personaldata;

import java.util.Objects;

/**
 * What the engine keeps instead of a piece of personal data: the complaint and the field. Set as a
 * variable's value, it is stored by {@link PersonalDataSerializer} as exactly that, and read back as
 * the field's current text (or nothing, once anonymised), with the read logged.
 */
public record PersonalDataReference(String complaintNumber, PersonalDataField field) {

  public PersonalDataReference {
    Objects.requireNonNull(complaintNumber);
    Objects.requireNonNull(field);
  }
}
