package ua.dnipro.contactcenter.complaint;

/** A change worth telling the citizen about; each is one entry of the complaint's status history. */
public enum ComplaintEvent {
  REGISTERED,
  /** The same applicant, question and place as a complaint resolved a short while ago: the head decides. */
  REPEATED_APPEAL,
  /** The head sent the repeated appeal on for work. */
  REPEATED_APPEAL_CONSIDERED,
  /** The head left the repeated appeal unconsidered, with the reason (art. 8). */
  LEFT_UNCONSIDERED,
  ROUTED,
  /** An emergency reached its department: the duty dispatchers and the department's heads were alerted. */
  EMERGENCY_ALERTED,
  /** No executor took the emergency within the claim period: escalated to the duty dispatchers and the heads. */
  EMERGENCY_NOT_TAKEN,
  OVERDUE,
  ESCALATED_TO_CONTROLLERS,
  STATUTORY_DEADLINE_PASSED,
  /** Forty-five days since receipt and still open: a violation of the law, with the controllers. */
  STATUTORY_LIMIT_PASSED,
  RETURNED,
  AWAITING_RECLASSIFICATION,
  /** The dispatchers' own deadline passed; the controllers were told. */
  RECLASSIFICATION_OVERDUE,
  RECLASSIFIED,
  /** An executor asked for more time, with a reason and a date; the head decides. */
  EXTENSION_REQUESTED,
  /** The head extended the deadline (and the statutory term, where the law allows). */
  EXTENSION_APPROVED,
  EXTENSION_DECLINED,
  /** Merged into another complaint about the same defect (its parent), by a dispatcher or the department. */
  MERGED,
  /** A dispatcher undid the merge: the complaint is routed again as a defect of its own. */
  UNMERGED,
  RESOLVED,
  /** Outside the city's competence: forwarded to another body, the citizen told which. */
  FORWARDED,
  REOPENED,
  /** The citizen confirmed the resolution, with a rating: closed. */
  CONFIRMED,
  /** Re-opened beyond the rework limit; the controllers closed it as decided. */
  REOPENING_REFUSED,
  /** The classifier's tables could not route the complaint; it went to the dispatchers. */
  CLASSIFIER_FAULT
}
