package ua.dnipro.contactcenter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CalendarDurationTests {

  static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

  @Test
  void hoursAreElapsedTimeEvenAcrossTheSpringForwardNight() {
    // 29 March 2026, 03:00 in Kyiv the clocks jump to 04:00
    Instant evening = ZonedDateTime.of(2026, 3, 28, 20, 0, 0, 0, KYIV).toInstant();

    Instant due = CalendarDuration.parse("PT24H").addTo(evening, KYIV);

    assertThat(Duration.between(evening, due)).isEqualTo(Duration.ofHours(24));
    assertThat(due.atZone(KYIV).getHour()).isEqualTo(21);
  }

  @Test
  void daysAndMonthsFollowTheCitysCalendar() {
    Instant evening = ZonedDateTime.of(2026, 3, 28, 20, 0, 0, 0, KYIV).toInstant();

    assertThat(CalendarDuration.parse("P7D").addTo(evening, KYIV).atZone(KYIV))
        .isEqualTo(ZonedDateTime.of(2026, 4, 4, 20, 0, 0, 0, KYIV));
    assertThat(CalendarDuration.parse("P1M").addTo(ZonedDateTime.of(2026, 1, 31, 9, 0, 0, 0, KYIV).toInstant(), KYIV)
        .atZone(KYIV)).isEqualTo(ZonedDateTime.of(2026, 2, 28, 9, 0, 0, 0, KYIV));
    assertThat(CalendarDuration.parse("P1DT2H30M").addTo(evening, KYIV).atZone(KYIV))
        .isEqualTo(ZonedDateTime.of(2026, 3, 29, 22, 30, 0, 0, KYIV));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "P", "PT", "6H", "PT6", "P-1D", "PT0S", "P1.5D", "72 hours"})
  void rejectsWhatIsNotAPositiveIsoDuration(String text) {
    assertThatThrownBy(() -> CalendarDuration.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT6H", "P7D", "P1M", "P5Y", "P1DT2H30M", "PT4H"})
  void printsAsWrittenSoThatMessagesAndTheConfigurationAgree(String text) {
    assertThat(CalendarDuration.parse(text)).hasToString(text);
  }

  @org.junit.jupiter.api.Test
  void theSettingsBindToIt_andABadOneStopsTheStartNamingTheKey() {
    var properties = ua.dnipro.contactcenter.testing.ApplicationConfiguration.contactCenter();
    assertThat(properties.reopeningPeriod()).isEqualTo(CalendarDuration.parse("P14D"));
    assertThat(properties.personalData().retention()).hasToString("P5Y");
    assertThatThrownBy(() -> ua.dnipro.contactcenter.testing.ApplicationConfiguration.contactCenterWith(
        "contact-center.reopening-period", "two weeks"))
        .hasMessageContaining("contact-center.reopening-period");
  }
}
