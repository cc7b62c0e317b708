package ua.dnipro.contactcenter.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;

/** Reading an Open311 filing's form: its attributes, its coordinates, and our rules named by its fields. */
final class Open311Form {

  /** {@code attribute[code]} and, for lists, {@code attribute[code][]}. */
  private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([A-Za-z0-9_\\-]+)](\\[])?");

  /** The fields of {@code /api/v1}'s request as Open311 names them. */
  private static final Map<String, String> FIELDS = Map.ofEntries(
      Map.entry("applicant.firstName", "first_name"), Map.entry("applicant.lastName", "last_name"),
      Map.entry("applicant.patronymic", "attribute[" + Open311Services.PATRONYMIC + "]"),
      Map.entry("applicant.phone", "phone"), Map.entry("applicant.email", "email"),
      Map.entry("applicant.address", "attribute[" + Open311Services.APPLICANT_ADDRESS + "]"),
      Map.entry("applicant", "first_name, last_name, phone, attribute[" + Open311Services.APPLICANT_ADDRESS + "]"),
      Map.entry("description", "description"), Map.entry("location.address", "address_string"),
      Map.entry("location", "address_string"),
      Map.entry("location.district", "attribute[" + Open311Services.DISTRICT + "]"),
      Map.entry("location.lat", "lat"), Map.entry("location.lon", "long"),
      Map.entry("category", "service_code"), Map.entry("issueType", "service_code"));

  private Open311Form() {
  }

  /** The filing's attributes by code (a list's values joined by commas). */
  static Map<String, String> attributes(MultiValueMap<String, String> form) {
    Map<String, String> attributes = new LinkedHashMap<>();
    form.forEach((name, values) -> {
      Matcher attribute = ATTRIBUTE.matcher(name);
      if (attribute.matches() && values != null) {
        List<String> given = values.stream().filter(value -> value != null && !value.isBlank()).toList();
        if (!given.isEmpty()) {
          attributes.merge(attribute.group(1), String.join(",", given), (a, b) -> a + "," + b);
        }
      }
    });
    return attributes;
  }

  /** A WGS 84 coordinate ({@code lat}, {@code long}), or null if not given. */
  static Double coordinate(MultiValueMap<String, String> form, String name) {
    String value = Open311Controller.blankToNull(form.getFirst(name));
    if (value == null) {
      return null;
    }
    try {
      double degrees = Double.parseDouble(value.trim());
      if (Double.isFinite(degrees)) {
        return degrees;
      }
    } catch (NumberFormatException e) {
      // told below
    }
    throw new Open311Controller.Open311Exception(HttpStatus.BAD_REQUEST, name + ": degrees (WGS 84) as a decimal "
        + "number, such as 48.4647; was '" + value + "'");
  }

  /**
   * Where the problem is, in words: {@code address_string}, or else the point the client gave
   * ({@code lat}, {@code long}: FixMyStreet-style clients send the point alone), written out.
   */
  static String place(MultiValueMap<String, String> form) {
    String address = Open311Controller.blankToNull(form.getFirst("address_string"));
    if (address != null) {
      return address;
    }
    Double lat = coordinate(form, "lat");
    Double lon = coordinate(form, "long");
    return lat == null || lon == null ? null
        : String.format(java.util.Locale.ROOT, "точка %.6f, %.6f", lat, lon);
  }

  /** A rule's field as Open311 names it ({@code applicant.firstName} is {@code first_name}). */
  static String fieldOf(String field) {
    return FIELDS.getOrDefault(field, field);
  }
}
