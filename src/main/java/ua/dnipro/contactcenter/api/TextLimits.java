package ua.dnipro.contactcenter.api;

/**
 * How long each kind of free text may be, in one place: the OpenAPI schemas, the request
 * validators, the task forms' {@code validate.maxLength} (checked against these by a test) and the
 * task listeners that hold submissions to the forms all read them from here.
 */
public final class TextLimits {

  /** A first name, last name or patronymic. */
  public static final int NAME = 100;
  /** An e-mail address (RFC 5321: 254 characters in a path). */
  public static final int EMAIL = 254;
  /** A postal address or a free-text place: the applicant's, the problem's, a body a complaint is forwarded to. */
  public static final int ADDRESS = 300;
  /** What a complaint is about, its resolution, its description for the public, a comment on a task. */
  public static final int DESCRIPTION = 4000;
  /** A reason or a comment: the citizen's on a re-opening or confirmation, and a form's free text unless it says otherwise. */
  public static final int REASON = 2000;
  /** A complaint number, {@code 2026-000123}. */
  public static final int COMPLAINT_NUMBER = 11;
  /** A calendar date, {@code 2026-11-30}. */
  public static final int DATE = 10;
  /** A task's name, as the engine's column holds it. */
  public static final int TASK_NAME = 255;
  /** A channel's {@code Idempotency-Key}. */
  public static final int IDEMPOTENCY_KEY = 200;

  private TextLimits() {
  }
}
