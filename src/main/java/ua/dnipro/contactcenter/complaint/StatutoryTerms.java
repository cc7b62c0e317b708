package ua.dnipro.contactcenter.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The terms of the Law of Ukraine "On Citizens' Appeals", article 20, on the city's calendar:
 * <ul>
 *   <li>an appeal that needs no additional study: without delay, at the latest within fifteen days
 *       of its receipt;</li>
 *   <li>any other: within one month of its receipt;</li>
 *   <li>extended by the head, with the applicant told: never more than forty-five days in all.</li>
 * </ul>
 * The law counts from the day of receipt; how a term runs is the Civil Code's (articles 253-255):
 * it starts the day after receipt, a term in days ends on its last day, a term of a month on the
 * same date of the next month (or that month's last day, where it has no such date), and the last
 * day lasts until midnight in Kyiv. A term that ends on a day off is not moved to the next working
 * day (article 254, part 5, would allow it): the city's hotline and its emergency services work
 * every day, and the citizen's term never grows.
 */
public final class StatutoryTerms {

  /** Article 20: an appeal that needs no additional study, at the latest. */
  public static final int WITHOUT_STUDY_DAYS = 15;
  /** Article 20: the whole term, extensions included, may not exceed it. */
  public static final int LIMIT_DAYS = 45;

  private final ZoneId zone;

  public StatutoryTerms(ZoneId zone) {
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The term of an appeal received then: fifteen days without additional study, a month with it. */
  public Instant term(Instant receivedAt, boolean needsStudy) {
    LocalDate received = receivedAt.atZone(zone).toLocalDate();
    return endOf(needsStudy ? received.plusMonths(1) : received.plusDays(WITHOUT_STUDY_DAYS));
  }

  /** The forty-five days no extension may pass. */
  public Instant limit(Instant receivedAt) {
    return endOf(receivedAt.atZone(zone).toLocalDate().plusDays(LIMIT_DAYS));
  }

  /** The end of a term whose last day is this one: midnight after it, in Kyiv. */
  public Instant endOf(LocalDate lastDay) {
    return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** The last day of a term, as people read it: "16.07.2026". */
  public String lastDayShown(Instant end) {
    return java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(lastDayOf(end));
  }

  /** The last day of a term that ends at that instant (the day before the midnight that ends it). */
  public LocalDate lastDayOf(Instant end) {
    return end.minusNanos(1).atZone(zone).toLocalDate();
  }
}
