package ua.dnipro.contactcenter.statistics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** Days, weeks (from Monday) and months as the city counts them, in its own time zone. */
record KyivCalendar(ZoneId zone) {

  LocalDate day(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  static LocalDate weekOf(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  static LocalDate monthOf(LocalDate day) {
    return day.withDayOfMonth(1);
  }

  LocalDate today() {
    return LocalDate.now(zone);
  }

  /**
   * The last month that has ended. Places are shown for ended months only: the current month's
   * figures grow with every complaint, and two answers an hour apart would show who complained
   * in between.
   */
  java.time.YearMonth lastEndedMonth() {
    return java.time.YearMonth.from(today()).minusMonths(1);
  }
}
