package ua.dnipro.contactcenter.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import ua.dnipro.contactcenter.statistics.StatisticsQueries.Figures;

/**
 * The rules every public figure keeps.
 * <ul>
 *   <li>Only the city's own codes are named: a key the configuration does not know (a department
 *       that is gone, anything a table might once have produced) is shown as {@value #UNKNOWN}.</li>
 *   <li>No place is shown with fewer than {@value StatisticsQueries#MIN_AREA_COUNT} complaints: an
 *       area whose received or resolved count is under that joins {@value #OTHER}, which holds more
 *       than one area (subtracting the others from the city's total would reveal a single one) and
 *       is not small itself; the smallest shown areas join it until it is neither.</li>
 * </ul>
 */
final class PublicFigures {

  static final String UNKNOWN = "UNKNOWN";
  static final String OTHER = "OTHER";
  static final int K = StatisticsQueries.MIN_AREA_COUNT;

  private PublicFigures() {
  }

  /** The groups with every unconfigured key merged into {@value #UNKNOWN}. */
  static List<Figures> configuredOnly(List<Figures> groups, Predicate<String> configured) {
    Map<String, List<Figures>> byKey = new LinkedHashMap<>();
    for (Figures group : groups) {
      String key = configured.test(group.key()) ? group.key() : UNKNOWN;
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(group);
    }
    List<Figures> result = new ArrayList<>();
    byKey.forEach((key, parts) -> result.add(parts.size() == 1 && parts.get(0).key().equals(key) ? parts.get(0)
        : sum(key, parts)));
    return result;
  }

  /**
   * Areas with too few complaints pooled into {@value #OTHER}, which is itself never small: while it
   * is, the smallest shown area joins it. If even all areas together are too few, nothing is shown.
   */
  static List<Figures> pooled(List<Figures> areas) {
    List<Figures> shown = new ArrayList<>();
    List<Figures> pool = new ArrayList<>();
    for (Figures area : areas) {
      (isSmall(area) ? pool : shown).add(area);
    }
    List<Figures> smallestFirst = new ArrayList<>(shown);
    smallestFirst.sort(Comparator.comparingLong(Figures::received).thenComparingLong(Figures::resolved));
    while (!pool.isEmpty() && (isSmall(sum(OTHER, pool)) || pool.size() == 1) && !smallestFirst.isEmpty()) {
      Figures joining = smallestFirst.remove(0);
      shown.remove(joining);
      pool.add(joining);
    }
    if (!pool.isEmpty() && !isSmall(sum(OTHER, pool))) {
      shown.add(sum(OTHER, pool));
    }
    return shown;
  }

  static boolean isSmall(Figures area) {
    return (area.received() > 0 && area.received() < K) || (area.resolved() > 0 && area.resolved() < K);
  }

  /**
   * Several groups as one: counts add up, the on-time rate is recomputed from the counts; medians
   * and percentiles do not add up and are left out.
   */
  static Figures sum(String key, List<Figures> parts) {
    long received = 0;
    long resolved = 0;
    long open = 0;
    long overdue = 0;
    long returned = 0;
    long onTime = 0;
    long stillOpen = 0;
    long defects = 0;
    for (Figures part : parts) {
      defects += part.defects();
      received += part.received();
      resolved += part.resolved();
      open += part.open();
      overdue += part.overdue();
      returned += part.returned();
      onTime += part.onTime();
      stillOpen += part.stillOpen();
    }
    Double onTimeRate = resolved == 0 ? null : Math.round(1000d * onTime / resolved) / 1000d;
    return new Figures(key, received, resolved, open, overdue, returned, onTimeRate, null, null, onTime, stillOpen,
        defects);
  }
}
