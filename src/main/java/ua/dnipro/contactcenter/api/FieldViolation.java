package ua.dnipro.contactcenter.api;

/** One broken rule of a request: which field (a JSON path such as {@code applicant.phone}), which rule, and why. */
public record FieldViolation(String field, String rule, String message) {
}
