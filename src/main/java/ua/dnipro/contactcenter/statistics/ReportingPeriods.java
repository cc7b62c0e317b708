package ua.dnipro.contactcenter.statistics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import ua.dnipro.contactcenter.api.FieldViolation;
import ua.dnipro.contactcenter.statistics.StatisticsQueries.Granularity;

/** The period of a statistics request: as asked, or the usual one for its granularity. */
record ReportingPeriods(KyivCalendar calendar) {

  static final long MAX_DAYS = 3660;

  /** The period asked for, or the one a granularity suggests; both ends inclusive, in Kyiv days. */
  LocalDate[] period(String from, String to, Granularity granularity, List<FieldViolation> problems) {
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
      problems.add(new FieldViolation("from", "from-before-to", "from must not be after to"));
    } else if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
      problems.add(new FieldViolation("from", "max-period", "a period is at most " + MAX_DAYS + " days"));
    }
    return new LocalDate[] {start, end};
  }

  private static LocalDate date(String field, String text, List<FieldViolation> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      problems.add(new FieldViolation(field, "date-format", field + " must be an ISO date such as 2026-01-31"));
      return null;
    }
  }

}
