package ua.dnipro.contactcenter.intake;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Ukrainian phone numbers as citizens and operators type them ("067 123 45 67", "(067) 123-45-67",
 * "+38 067 1234567", "380671234567") normalised to {@code +380XXXXXXXXX}.
 */
final class PhoneNumbers {

  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()./]");
  private static final Pattern NATIONAL = Pattern.compile("0[1-9]\\d{8}");

  private PhoneNumbers() {
  }

  static Optional<String> normalise(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String digits = SEPARATORS.matcher(typed.trim()).replaceAll("");
    if (digits.startsWith("+")) {
      digits = digits.substring(1);
      if (!digits.startsWith("380")) {
        return Optional.empty();
      }
    }
    if (digits.startsWith("38") && digits.length() == 12) {
      digits = digits.substring(2);
    } else if (digits.startsWith("8") && digits.length() == 11) {
      digits = digits.substring(1);
    }
    return NATIONAL.matcher(digits).matches() ? Optional.of("+38" + digits) : Optional.empty();
  }
}
