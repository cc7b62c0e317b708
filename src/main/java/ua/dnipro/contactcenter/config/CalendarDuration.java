package ua.dnipro.contactcenter.config;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 duration such as {@code PT6H}, {@code P7D} or {@code P1M}, as analysts write it in
 * the SLA table. Its date part (years, months, weeks, days) is added on the city's calendar, its
 * time part (hours, minutes, seconds) as elapsed time, so {@code PT24H} is always 24 real hours,
 * also across a daylight-saving change. The configuration's calendar periods are of this type too.
 */
public record CalendarDuration(Period datePart, Duration timePart) {

  private static final Pattern ISO = Pattern.compile("P(?!$)([^T]*)(?:T(.+))?");

  public CalendarDuration {
    if (datePart.isNegative() || timePart.isNegative()) {
      throw new IllegalArgumentException("a deadline duration cannot be negative");
    }
    if (datePart.isZero() && timePart.isZero()) {
      throw new IllegalArgumentException("a deadline duration cannot be zero");
    }
  }

  /** Parses an ISO-8601 duration, naming the text in the error if it is not one. */
  public static CalendarDuration parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("no duration given");
    }
    Matcher matcher = ISO.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as PT6H or P7D");
    }
    try {
      String date = matcher.group(1);
      String time = matcher.group(2);
      Period period = date.isEmpty() ? Period.ZERO : Period.parse("P" + date);
      Duration duration = time == null ? Duration.ZERO : Duration.parse("PT" + time);
      return new CalendarDuration(period, duration);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as PT6H or P7D", e);
    }
  }

  /** For configuration binding: {@code contact-center.reopening-period: P30D} (see {@link #parse}). */
  public static CalendarDuration of(String text) {
    return parse(text);
  }

  /** The ISO-8601 form: {@code P30D}, {@code PT6H}, {@code P1DT12H}. */
  @Override
  public String toString() {
    String date = datePart.isZero() ? "P" : datePart.toString();
    return timePart.isZero() ? date : date + timePart.toString().substring(1);
  }

  public Instant addTo(Instant start, ZoneId zone) {
    return start.atZone(zone).plus(datePart).toInstant().plus(timePart);
  }

  public Instant subtractFrom(Instant end, ZoneId zone) {
    return end.atZone(zone).minus(datePart).toInstant().minus(timePart);
  }
}
