package ua.dnipro.contactcenter.api;

/**
 * The rules every free text a person or a channel sends must keep, in one place: it is not blank
 * (spaces and invisible characters such as the zero-width space count as blank), and it holds no
 * control characters (NUL and its kin), which PostgreSQL refuses and no citizen types. Line breaks
 * and tabs are allowed where the text may span lines.
 */
public final class Texts {

  private Texts() {
  }

  /** Nothing a reader could see: empty, or only whitespace and invisible formatting characters. */
  public static boolean isBlank(String text) {
    if (text == null) {
      return true;
    }
    return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
        || Character.getType(c) == Character.FORMAT || c == 0x2800 || c == 0x3164 || c == 0x115F || c == 0x1160);
  }

  /** Whether the text holds a control character other than the allowed line breaks and tabs. */
  public static boolean hasControlCharacter(String text, boolean multiline) {
    if (text == null) {
      return false;
    }
    return text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
        && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
  }

  /**
   * Checks a text against the rules, adding what it breaks to {@code violations}.
   *
   * @return whether it passed
   */
  public static boolean check(Violations violations, String field, String text, boolean required, int maxLength,
      boolean multiline) {
    if (isBlank(text)) {
      if (required) {
        violations.add(field, "required", field + " is required and must hold visible text");
        return false;
      }
      return true;
    }
    if (hasControlCharacter(text, multiline)) {
      violations.add(field, "no-control-characters", "control characters (such as NUL) are not allowed"
          + (multiline ? "; line breaks and tabs are" : ""));
      return false;
    }
    if (text.length() > maxLength) {
      violations.add(field, "max-length", "at most " + maxLength + " characters, was " + text.length());
      return false;
    }
    return true;
  }
}
