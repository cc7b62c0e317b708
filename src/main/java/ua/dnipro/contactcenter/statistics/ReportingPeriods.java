package ua.dnipro.contactcenter.statistics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import ua.dnipro.contactcenter.api.Violations;
import ua.dnipro.contactcenter.statistics.StatisticsQueries.Granularity;

/** The period of a statistics request: as asked, or the usual one for its granularity. */
record ReportingPeriods(KyivCalendar calendar, int maxBuckets) {

  static final long MAX_DAYS = 3660;

  /** The period asked for, or the one a granularity suggests; both ends inclusive, in Kyiv days. */
  Period period(String from, String to, Granularity granularity, Violations problems) {
    LocalDate end = date("to", to, problems);
    LocalDate start = date("from", from, problems);
    if (end == null) {
      end = calendar.today();
    }
    if (start == null) {
      start = switch (granularity) {
        case DAY -> end.minusDays(29);
        case WEEK -> KyivCalendar.weekOf(end).minusWeeks(11);
        case MONTH -> KyivCalendar.monthOf(end).minusMonths(11);
      };
    }
    if (start.isAfter(end)) {
      problems.add("from", "from-before-to", "from must not be after to");
    } else if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
      problems.add("from", "max-period", "a period is at most " + MAX_DAYS + " days");
    } else if (buckets(start, end, granularity) > maxBuckets) {
      problems.add("from", "max-buckets", "at most " + maxBuckets + " " + granularity.name()
          .toLowerCase(java.util.Locale.ROOT) + "s in one request, asked for " + buckets(start, end, granularity)
          + "; ask for a shorter period or a longer granularity");
    }
    return new Period(start, end);
  }

  /** How many buckets of a granularity a period spans. */
  static long buckets(LocalDate start, LocalDate end, Granularity granularity) {
    return switch (granularity) {
      case DAY -> ChronoUnit.DAYS.between(start, end) + 1;
      case WEEK -> ChronoUnit.WEEKS.between(KyivCalendar.weekOf(start), KyivCalendar.weekOf(end)) + 1;
      case MONTH -> ChronoUnit.MONTHS.between(KyivCalendar.monthOf(start), KyivCalendar.monthOf(end)) + 1;
    };
  }

  /** The earliest day statistics are asked for: the hotline's records start long after. */
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  private LocalDate date(String field, String text, Violations problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text.trim());
      if (date.isBefore(EARLIEST) || date.isAfter(calendar.today().plusYears(1))) {
        problems.add(field, "date-range", field + " must be between " + EARLIEST
            + " and a year from today");
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      problems.add(field, "date-format", field + " must be an ISO date such as 2026-01-31");
      return null;
    }
  }

}
