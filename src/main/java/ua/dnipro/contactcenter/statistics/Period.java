package ua.dnipro.contactcenter.statistics;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Days of Kyiv's calendar, both ends inclusive, that figures are asked for.
 *
 * @param first the first day
 * @param last the last day
 */
public record Period(LocalDate first, LocalDate last) {

  /** The whole months this period touches, cut at the last month that has ended. */
  Period wholeMonthsEndedBy(YearMonth lastEnded) {
    LocalDate end = YearMonth.from(last).atEndOfMonth();
    return new Period(KyivCalendar.monthOf(first), end.isAfter(lastEnded.atEndOfMonth()) ? lastEnded.atEndOfMonth() : end);
  }

  boolean isEmpty() {
    return first.isAfter(last);
  }

  @Override
  public String toString() {
    return first + "|" + last;
  }
}
