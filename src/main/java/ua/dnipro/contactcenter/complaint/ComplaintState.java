package ua.dnipro.contactcenter.complaint;

import java.time.Instant;

/**
 * Where a complaint stands, as the application recorded it: the facts its deadlines, the channel's
 * view and the statistics are read from. Each change is one of the transitions below, made by the
 * process's own steps; nothing a person sends to the engine reaches it.
 *
 * @param department who holds the complaint: a configured department, or the dispatchers
 * @param dueAt the holder's deadline: the SLA deadline of a department, or the dispatchers' own
 * @param resolvedBy the department that resolved it
 * @param reopenableUntil until when a resolved complaint may be re-opened; for a closed one, when it
 *     closed (the re-opening window ended, the citizen confirmed, the controllers refused a
 *     re-opening, it was forwarded or left unconsidered): the personal data's retention counts from it
 * @param statutoryDeadline the term of the Law "On Citizens' Appeals", art. 20, from the first receipt
 * @param statutoryLimitPassed still open forty-five days after receipt: a violation of the law
 * @param reopenings how often the citizen re-opened it: the department's rework
 * @param rating the citizen's rating of the resolution they confirmed, 1 to 5
 * @param confirmedAt when the citizen confirmed the resolution
 * @param forwardedTo the body outside the city's competence it was forwarded to
 * @param repeatOf the earlier complaint it repeats (Law "On Citizens' Appeals", art. 8)
 */
public record ComplaintState(String number, String channel, ComplaintStatus status, String department, String slaTier,
    String category, String issueType, Instant receivedAt, Instant dueAt, Instant statutoryDeadline, boolean overdue,
    int escalationLevel, boolean statutoryDeadlinePassed, Instant resolvedAt, String resolvedBy, Boolean resolvedOnTime,
    String resolution, Instant reopenableUntil, boolean statutoryLimitPassed, int reopenings, Integer rating,
    Instant confirmedAt, String forwardedTo, String repeatOf) {

  /** A complaint just accepted. */
  public static ComplaintState registered(String number, String channel, String category, String issueType,
      Instant receivedAt, Instant statutoryDeadline) {
    return new ComplaintState(number, channel, ComplaintStatus.REGISTERED, null, null, category, issueType, receivedAt,
        null, statutoryDeadline, false, 0, false, null, null, null, null, null, false, 0, null, null, null, null);
  }

  /**
   * Handed to a department with its SLA deadline, and the statutory term its classification gives;
   * a fresh start for the overdue flag and escalations.
   */
  public ComplaintState routed(String toDepartment, String tier, Instant slaDeadline, Instant statutoryTerm) {
    return new ComplaintState(number, channel, ComplaintStatus.IN_PROGRESS, toDepartment, tier, category, issueType,
        receivedAt, slaDeadline, statutoryTerm, false, 0, statutoryDeadlinePassed, null, null, null, null, null,
        statutoryLimitPassed, reopenings, rating, confirmedAt, forwardedTo, repeatOf);
  }

  /** With the contact center's dispatchers, to re-classify by their own deadline. */
  public ComplaintState awaitingReclassification(String dispatchers, Instant reclassificationDeadline) {
    return new ComplaintState(number, channel, ComplaintStatus.AWAITING_RECLASSIFICATION, dispatchers, null,
        category, issueType, receivedAt, reclassificationDeadline, statutoryDeadline, false, 0, statutoryDeadlinePassed,
        null, null, null, null, null, statutoryLimitPassed, reopenings, rating, confirmedAt, forwardedTo, repeatOf);
  }

  public ComplaintState reclassified(String newCategory, String newIssueType) {
    return new ComplaintState(number, channel, status, department, slaTier, newCategory, newIssueType, receivedAt, dueAt,
        statutoryDeadline, overdue, escalationLevel, statutoryDeadlinePassed, resolvedAt, resolvedBy, resolvedOnTime,
        resolution, reopenableUntil, statutoryLimitPassed, reopenings, rating, confirmedAt, forwardedTo, repeatOf);
  }

  /** The holder's deadline passed: it counts against the department, and its head is alerted. */
  public ComplaintState markedOverdue() {
    return new ComplaintState(number, channel, status, department, slaTier, category, issueType, receivedAt, dueAt,
        statutoryDeadline, true, 1, statutoryDeadlinePassed, resolvedAt, resolvedBy, resolvedOnTime, resolution,
        reopenableUntil, statutoryLimitPassed, reopenings, rating, confirmedAt, forwardedTo, repeatOf);
  }

  public ComplaintState escalatedToControllers() {
    return new ComplaintState(number, channel, status, department, slaTier, category, issueType, receivedAt, dueAt,
        statutoryDeadline, overdue, 2, statutoryDeadlinePassed, resolvedAt, resolvedBy, resolvedOnTime, resolution,
        reopenableUntil, statutoryLimitPassed, reopenings, rating, confirmedAt, forwardedTo, repeatOf);
  }

  public ComplaintState pastStatutoryDeadline() {
    return new ComplaintState(number, channel, status, department, slaTier, category, issueType, receivedAt, dueAt,
        statutoryDeadline, overdue, escalationLevel, true, resolvedAt, resolvedBy, resolvedOnTime, resolution,
        reopenableUntil, statutoryLimitPassed, reopenings, rating, confirmedAt, forwardedTo, repeatOf);
  }

  /**
   * Resolved by its department: on time only if the deadline the application set has not passed
   * and the complaint was never flagged overdue (once flagged, it stays against the department).
   */
  public ComplaintState resolved(Instant at, String text, Instant reopenableTill) {
    boolean onTime = !overdue && dueAt != null && !at.isAfter(dueAt);
    return new ComplaintState(number, channel, ComplaintStatus.RESOLVED, department, slaTier, category, issueType,
        receivedAt, dueAt, statutoryDeadline, !onTime, escalationLevel, statutoryDeadlinePassed, at, department, onTime,
        text, reopenableTill, statutoryLimitPassed, reopenings, rating, confirmedAt, forwardedTo, repeatOf);
  }

  /** Merged into the complaint that reports the same defect: no deadline of its own while it waits for it. */
  public ComplaintState merged() {
    return new ComplaintState(number, channel, ComplaintStatus.MERGED, department, slaTier, category, issueType,
        receivedAt, null, statutoryDeadline, overdue, escalationLevel, statutoryDeadlinePassed, null, null, null, null,
        null, statutoryLimitPassed, reopenings, rating, confirmedAt, forwardedTo, repeatOf);
  }

  /** The merge undone: a defect of its own again, routed anew. */
  public ComplaintState unmerged() {
    return new ComplaintState(number, channel, ComplaintStatus.REGISTERED, department, slaTier, category, issueType,
        receivedAt, null, statutoryDeadline, overdue, escalationLevel, statutoryDeadlinePassed, null, null, null, null,
        null, statutoryLimitPassed, reopenings, rating, confirmedAt, forwardedTo, repeatOf);
  }

  /**
   * Resolved with the complaint it was merged into, by the parent's department, with an answer of
   * its own that names the parent (the parent's resolution was written for another applicant and
   * may name them). Neither on time nor late: the parent's department answers for the defect once,
   * in the parent.
   */
  public ComplaintState resolvedWith(ComplaintState parent, Instant at, Instant reopenableTill, String text) {
    return new ComplaintState(number, channel, ComplaintStatus.RESOLVED, parent.resolvedBy(), slaTier, category,
        issueType, receivedAt, null, statutoryDeadline, overdue, escalationLevel, statutoryDeadlinePassed, at,
        parent.resolvedBy(), null, text, reopenableTill, statutoryLimitPassed, reopenings, rating,
        confirmedAt, forwardedTo, repeatOf);
  }

  /**
   * Re-opened by the citizen: handled again, within the statutory term of its first receipt (the
   * law's clock does not start again).
   */
  public ComplaintState reopened() {
    return new ComplaintState(number, channel, status, department, slaTier, category, issueType, receivedAt, dueAt,
        statutoryDeadline, overdue, escalationLevel, statutoryDeadlinePassed, null, null, null, null, null,
        statutoryLimitPassed, reopenings + 1, rating, confirmedAt, forwardedTo, repeatOf);
  }

  /** The head extended the deadline, and the statutory term with it where the law allows. */
  public ComplaintState extended(Instant newDueAt, Instant newStatutoryDeadline) {
    return new ComplaintState(number, channel, status, department, slaTier, category, issueType, receivedAt, newDueAt,
        newStatutoryDeadline, overdue, escalationLevel, statutoryDeadlinePassed, resolvedAt, resolvedBy, resolvedOnTime,
        resolution, reopenableUntil, statutoryLimitPassed, reopenings, rating, confirmedAt, forwardedTo, repeatOf);
  }

  /**
   * Outside the city's competence: forwarded to that body; no department holds or answers for it.
   * Closed then ({@code reopenableUntil}: the moment it closed, for the personal data's retention).
   */
  public ComplaintState forwarded(String body, Instant at) {
    return new ComplaintState(number, channel, ComplaintStatus.FORWARDED, department, slaTier, category, issueType,
        receivedAt, null, statutoryDeadline, false, escalationLevel, statutoryDeadlinePassed, null, null, null, null, at,
        statutoryLimitPassed, reopenings, rating, confirmedAt, body, repeatOf);
  }

  /** Personal-data retention: without the texts people wrote (the resolution or reason, a forwarding body). */
  public ComplaintState withoutWrittenTexts() {
    return new ComplaintState(number, channel, status, department, slaTier, category, issueType, receivedAt, dueAt,
        statutoryDeadline, overdue, escalationLevel, statutoryDeadlinePassed, resolvedAt, resolvedBy, resolvedOnTime,
        null, reopenableUntil, statutoryLimitPassed, reopenings, rating, confirmedAt, null, repeatOf);
  }

  /** It repeats that earlier complaint: linked to it, for the head's decision. */
  public ComplaintState repeating(String earlier) {
    return new ComplaintState(number, channel, status, department, slaTier, category, issueType, receivedAt, dueAt,
        statutoryDeadline, overdue, escalationLevel, statutoryDeadlinePassed, resolvedAt, resolvedBy, resolvedOnTime,
        resolution, reopenableUntil, statutoryLimitPassed, reopenings, rating, confirmedAt, forwardedTo, earlier);
  }

  /** A repeated appeal the head left unconsidered (art. 8): closed then, the reason its answer. */
  public ComplaintState leftUnconsidered(String reason, Instant at) {
    return new ComplaintState(number, channel, ComplaintStatus.LEFT_UNCONSIDERED, department, slaTier, category, issueType,
        receivedAt, null, statutoryDeadline, false, escalationLevel, statutoryDeadlinePassed, at, null, null, reason,
        at, statutoryLimitPassed, reopenings, rating, confirmedAt, forwardedTo, repeatOf);
  }

  /** The citizen confirmed the resolution, with their rating (1 to 5): closed at once (re-openable until then). */
  public ComplaintState confirmed(int stars, Instant at) {
    return new ComplaintState(number, channel, status, department, slaTier, category, issueType, receivedAt, dueAt,
        statutoryDeadline, overdue, escalationLevel, statutoryDeadlinePassed, resolvedAt, resolvedBy, resolvedOnTime,
        resolution, at, statutoryLimitPassed, reopenings, stars, at, forwardedTo, repeatOf);
  }

  /**
   * Re-opened once more than the rework limit allows, and the controllers decided it stays as
   * resolved: closed then, nothing to re-open any more.
   */
  public ComplaintState reopeningRefused(Instant at) {
    return new ComplaintState(number, channel, status, department, slaTier, category, issueType, receivedAt, dueAt,
        statutoryDeadline, overdue, escalationLevel, statutoryDeadlinePassed, resolvedAt, resolvedBy, resolvedOnTime,
        resolution, at, statutoryLimitPassed, reopenings, rating, confirmedAt, forwardedTo, repeatOf);
  }

  /** Forty-five days since receipt and still open: past what even an extension may allow. */
  public ComplaintState pastStatutoryLimit() {
    return new ComplaintState(number, channel, status, department, slaTier, category, issueType, receivedAt, dueAt,
        statutoryDeadline, overdue, escalationLevel, true, resolvedAt, resolvedBy, resolvedOnTime, resolution,
        reopenableUntil, true, reopenings, rating, confirmedAt, forwardedTo, repeatOf);
  }
}
