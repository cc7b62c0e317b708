package ua.dnipro.contactcenter.classifier;

/** How the gate words an exception of the DMN engine or the model API for an analyst: its root cause, briefly. */
final class GateFailures {

  private static final int LONGEST = 300;

  private GateFailures() {
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.length() > LONGEST ? message.substring(0, LONGEST) + "…" : message;
  }
}
