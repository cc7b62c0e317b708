package ua.dnipro.contactcenter.complaint;

/** What the executor decided in "Resolve complaint". */
public enum Outcome {
  /** Fixed; the resolution text says what was done. */
  RESOLVED,
  /** Not this department's business; the reason tells the dispatchers why. */
  NOT_OUR_COMPETENCE,
  /** More time needed: the department's head decides on the date asked for. */
  EXTENSION_REQUESTED
}
