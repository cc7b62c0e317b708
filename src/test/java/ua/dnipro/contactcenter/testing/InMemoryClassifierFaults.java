package ua.dnipro.contactcenter.testing;

import java.util.ArrayList;
import java.util.List;
import ua.dnipro.contactcenter.routing.ClassifierFaults;

/** Classifier faults in memory, for engine-level tests. */
public final class InMemoryClassifierFaults implements ClassifierFaults {

  private final List<Fault> faults = new ArrayList<>();

  @Override
  public synchronized void report(Fault fault) {
    faults.add(0, fault);
  }

  @Override
  public synchronized List<Fault> latest(int limit) {
    return List.copyOf(faults.subList(0, Math.min(limit, faults.size())));
  }
}
