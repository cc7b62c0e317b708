package ua.dnipro.contactcenter.routing;

import java.time.Instant;
import java.util.List;

/** Where complaints the classifier's tables could not route at run time are reported, for analysts. */
public interface ClassifierFaults {

  /** One complaint a table could not route: it went to the dispatchers instead. */
  record Fault(Instant occurredAt, String complaintNumber, String decisionKey, int decisionVersion, String problem) {
  }

  void report(Fault fault);

  /** The latest faults, newest first. */
  List<Fault> latest(int limit);
}
