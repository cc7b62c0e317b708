package ua.dnipro.contactcenter.complaint;

/** What the executor decided in "Resolve complaint". */
public enum Outcome {
  /** Fixed; the resolution text says what was done. */
  RESOLVED,
  /** Not this department's business; the reason tells the dispatchers why. */
  NOT_OUR_COMPETENCE
}
