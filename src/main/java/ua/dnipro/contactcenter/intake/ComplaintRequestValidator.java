package ua.dnipro.contactcenter.intake;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.api.FieldViolation;
import ua.dnipro.contactcenter.api.Texts;
import ua.dnipro.contactcenter.api.Violations;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.routing.ClassifierCatalogue;
import ua.dnipro.contactcenter.routing.ClassifierCatalogue.Catalogue;
import ua.dnipro.contactcenter.api.TextLimits;

/**
 * Checks a posted complaint against every rule at once, so the channel learns of all its mistakes
 * in one answer, and turns it into the normalised complaint the process starts with.
 */
@Component
class ComplaintRequestValidator {

  private static final Pattern LETTER = Pattern.compile("\\p{L}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final ContactCenterProperties properties;
  private final ClassifierCatalogue classifier;

  ComplaintRequestValidator(ContactCenterProperties properties, ClassifierCatalogue classifier) {
    this.properties = properties;
    this.classifier = classifier;
  }

  NewComplaint validate(ComplaintRequest request, String channel) {
    Violations violations = new Violations();
    if (request == null) {
      violations.add("", "required", "send the complaint as a JSON object");
      throw violations.exception();
    }
    ComplaintRequest.Applicant applicant = request.applicant();
    String phone = null;
    if (applicant == null) {
      // the Law: an appeal nobody signed is not processed
      for (String field : List.of("firstName", "lastName", "phone", "address")) {
        violations.add("applicant." + field, "required", "the applicant's " + field + " is required: anonymous appeals are not processed");
      }
    } else {
      name(violations, "applicant.firstName", applicant.firstName(), true);
      name(violations, "applicant.lastName", applicant.lastName(), true);
      name(violations, "applicant.patronymic", applicant.patronymic(), false);
      if (required(violations, "applicant.phone", applicant.phone())) {
        phone = PhoneNumbers.normalise(applicant.phone()).orElse(null);
        if (phone == null) {
          violations.add("applicant.phone", "phone-format",
              "must be a Ukrainian phone number, such as +380671234567 or 067 123 45 67");
        }
      }
      if (!Texts.isBlank(applicant.email())) {
        if (applicant.email().length() > TextLimits.EMAIL || Texts.hasControlCharacter(applicant.email(), false)
            || !EMAIL.matcher(applicant.email().trim()).matches()) {
          violations.add("applicant.email", "email-format", "must be an e-mail address such as name@example.com");
        }
      }
      Texts.check(violations, "applicant.address", applicant.address(), true, TextLimits.ADDRESS, false);
    }

    if (required(violations, "category", request.category()) & required(violations, "issueType", request.issueType())) {
      Catalogue catalogue = classifier.current();
      if (catalogue.category(request.category()).isEmpty()) {
        violations.add("category", "known-category",
            "'" + request.category() + "' is not a category of GET /api/v1/categories (use OTHER when none fits)");
      } else if (!catalogue.contains(request.category(), request.issueType())) {
        violations.add("issueType", "known-issue-type",
            "'" + request.issueType() + "' is not an issue type of " + request.category() + " in GET /api/v1/categories");
      }
    }
    Texts.check(violations, "description", request.description(), true, TextLimits.DESCRIPTION, true);

    ComplaintRequest.Location location = request.location();
    if (location == null) {
      violations.add("location.address", "required", "the address of the problem is required");
    } else {
      Texts.check(violations, "location.address", location.address(), true, TextLimits.ADDRESS, false);
      if (location.district() != null && properties.districts().stream().noneMatch(d -> d.code().equals(location.district()))) {
        violations.add("location.district", "known-district", "must be one of "
            + properties.districts().stream().map(ContactCenterProperties.District::code).toList());
      }
      if ((location.lat() == null) != (location.lon() == null)) {
        violations.add(location.lat() == null ? "location.lat" : "location.lon", "coordinates-pair",
            "lat and lon are given together or not at all");
      } else if (location.lat() != null && !properties.cityBounds().contains(location.lat(), location.lon())) {
        var box = properties.cityBounds();
        violations.add("location", "within-city", "the coordinates %s, %s are outside the city (lat %s..%s, lon %s..%s)"
            .formatted(location.lat(), location.lon(), box.south(), box.north(), box.west(), box.east()));
      }
    }
    if (!violations.isEmpty()) {
      throw violations.exception();
    }
    return new NewComplaint(channel,
        new NewComplaint.Applicant(applicant.firstName().trim(), applicant.lastName().trim(), trimToNull(applicant.patronymic()),
            phone, trimToNull(applicant.email()), applicant.address().trim()),
        request.category(), request.issueType(), request.description().trim(),
        new NewComplaint.Location(location.address().trim(), location.district(), location.lat(), location.lon()), null);
  }

  private static boolean required(Violations violations, String field, String value) {
    if (Texts.isBlank(value)) {
      violations.add(field, "required", field + " is required");
      return false;
    }
    return true;
  }

  private static void name(Violations violations, String field, String value, boolean mandatory) {
    if (Texts.isBlank(value)) {
      if (mandatory) {
        violations.add(field, "required", field + " is required: anonymous appeals are not processed");
      }
      return;
    }
    if (Texts.check(violations, field, value, mandatory, TextLimits.NAME, false) && !LETTER.matcher(value).find()) {
      violations.add(field, "name-format", "must be a name, with letters");
    }
  }

  private static String trimToNull(String value) {
    return Texts.isBlank(value) ? null : value.trim();
  }
}
