package ua.dnipro.contactcenter.complaint;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The process engine's clock. Deadlines are computed from it so that tests can move time
 * (timers, due dates and our own computations agree); this is the one place that touches the
 * engine's internal clock class.
 */
public final class EngineClock {

  private EngineClock() {
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
