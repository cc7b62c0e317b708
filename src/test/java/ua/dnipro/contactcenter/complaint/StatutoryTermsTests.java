package ua.dnipro.contactcenter.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The terms of the Law "On Citizens' Appeals", art. 20, on Kyiv's calendar (Civil Code arts. 253-255). */
class StatutoryTermsTests {

  static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
  final StatutoryTerms terms = new StatutoryTerms(KYIV);

  @ParameterizedTest(name = "received {0}: no study to {1}, a month to {2}, never past {3} (last days, inclusive)")
  @CsvSource({
      // the day of receipt does not count; the last day lasts until midnight
      "2026-07-01T09:00, 2026-07-16, 2026-08-01, 2026-08-15",
      "2026-07-01T00:05, 2026-07-16, 2026-08-01, 2026-08-15",
      "2026-07-01T23:55, 2026-07-16, 2026-08-01, 2026-08-15",
      // a month from a date the next month lacks ends on that month's last day
      "2026-01-31T12:00, 2026-02-15, 2026-02-28, 2026-03-17",
      "2028-01-31T12:00, 2028-02-15, 2028-02-29, 2028-03-16",
      // across the year's end and across the spring's daylight-saving change (29 March 2026)
      "2026-12-31T23:30, 2027-01-15, 2027-01-31, 2027-02-14",
      "2026-03-20T10:00, 2026-04-04, 2026-04-20, 2026-05-04",
      // a term that ends on a day off is not moved: 15 August 2026 is a Saturday
      "2026-07-31T10:00, 2026-08-15, 2026-08-31, 2026-09-14"})
  void aTermEndsAtMidnightAfterItsLastDayInKyiv(String received, LocalDate noStudy, LocalDate month, LocalDate limit) {
    Instant receivedAt = ZonedDateTime.of(java.time.LocalDateTime.parse(received), KYIV).toInstant();

    assertThat(terms.term(receivedAt, false)).isEqualTo(midnightAfter(noStudy));
    assertThat(terms.term(receivedAt, true)).isEqualTo(midnightAfter(month));
    assertThat(terms.limit(receivedAt)).isEqualTo(midnightAfter(limit));
    assertThat(terms.lastDayOf(terms.term(receivedAt, false))).isEqualTo(noStudy);
    assertThat(terms.lastDayOf(terms.limit(receivedAt))).isEqualTo(limit);
  }

  @ParameterizedTest
  @CsvSource({"2026-03-28, 2026-03-28T22:00:00Z", "2026-03-29, 2026-03-29T21:00:00Z", "2026-10-24, 2026-10-24T21:00:00Z",
      "2026-10-25, 2026-10-25T22:00:00Z"})
  void midnightIsKyivsWhateverTheSeason(LocalDate lastDay, Instant end) {
    assertThat(terms.endOf(lastDay)).isEqualTo(end);
  }

  static Instant midnightAfter(LocalDate day) {
    return day.plusDays(1).atStartOfDay(KYIV).toInstant();
  }
}
