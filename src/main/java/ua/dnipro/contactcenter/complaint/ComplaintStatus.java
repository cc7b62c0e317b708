package ua.dnipro.contactcenter.complaint;

/** Where a complaint stands, as the citizen and the statistics see it. */
public enum ComplaintStatus {
  /** Accepted from a channel, not yet with anybody. */
  REGISTERED,
  /** In a department's inbox, with a deadline. */
  IN_PROGRESS,
  /** With the contact center's dispatchers: unclassifiable, or returned by a department. */
  AWAITING_RECLASSIFICATION,
  /**
   * A report of a defect another complaint (its parent) already reports: merged into it, it waits
   * for the parent's resolution, which it then shares.
   */
  MERGED,
  /** Resolved by the department. */
  RESOLVED,
  /** Outside the city's competence: forwarded to the competent body (Law "On Citizens' Appeals", art. 7). */
  FORWARDED,
  /**
   * A repeated appeal on a question already decided, which the head left unconsidered (Law "On
   * Citizens' Appeals", art. 8); the reason is its answer.
   */
  LEFT_UNCONSIDERED
}
