package ua.dnipro.contactcenter.complaint;

/** A change worth telling the citizen about; each is one entry of the complaint's status history. */
public enum ComplaintEvent {
  REGISTERED,
  ROUTED,
  OVERDUE,
  ESCALATED_TO_CONTROLLERS,
  STATUTORY_DEADLINE_PASSED,
  /** Forty-five days since receipt and still open: a violation of the law, with the controllers. */
  STATUTORY_LIMIT_PASSED,
  RETURNED,
  AWAITING_RECLASSIFICATION,
  RECLASSIFIED,
  RESOLVED,
  REOPENED,
  /** The classifier's tables could not route the complaint; it went to the dispatchers. */
  CLASSIFIER_FAULT
}
