package ua.dnipro.contactcenter.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ua.dnipro.contactcenter.statistics.StatisticsQueries.Figures;

class PublicFiguresTests {

  static Figures area(String key, long received, long resolved, long onTime) {
    return new Figures(key, received, resolved, received - resolved, 0, 0,
        resolved == 0 ? null : (double) onTime / resolved, 5.0, 9.0, onTime, received - resolved, received);
  }

  static List<String> shown(List<Figures> figures) {
    return figures.stream().map(f -> f.key() + "=" + f.received()).toList();
  }

  @Test
  void areasUnderTenArePooledAndThePoolIsNeitherOneAreaNorSmall() {
    // three and two make five, still too few: the smallest shown area joins them
    assertThat(shown(PublicFigures.pooled(List.of(area("A", 20, 0, 0), area("B", 3, 0, 0), area("C", 2, 0, 0)))))
        .containsExactly("OTHER=25");
    assertThat(shown(PublicFigures.pooled(List.of(area("A", 20, 0, 0), area("D", 30, 0, 0), area("B", 6, 0, 0),
        area("C", 5, 0, 0))))).containsExactly("A=20", "D=30", "OTHER=11");
    // fewer than ten in the whole city: no place is shown at all
    assertThat(PublicFigures.pooled(List.of(area("B", 3, 0, 0), area("C", 2, 0, 0)))).isEmpty();
    assertThat(PublicFigures.pooled(List.of(area("B", 3, 0, 0)))).isEmpty();
    // B alone in the pool would be the city's total minus A and C: C joins it, being the smallest shown
    assertThat(shown(PublicFigures.pooled(List.of(area("A", 20, 0, 0), area("B", 3, 0, 0), area("C", 11, 0, 0)))))
        .containsExactly("A=20", "OTHER=14");
    // resolved counts as much as received
    assertThat(shown(PublicFigures.pooled(List.of(area("A", 20, 12, 10), area("B", 30, 4, 4), area("C", 40, 0, 0)))))
        .containsExactly("C=40", "OTHER=50");
    assertThat(shown(PublicFigures.pooled(List.of(area("A", 20, 0, 0), area("B", 10, 10, 5))))).containsExactly("A=20", "B=10");
    assertThat(PublicFigures.pooled(List.of())).isEmpty();
  }

  @Test
  void unconfiguredCodesAreMergedIntoUnknownAndSumsRecomputeTheRate() {
    List<Figures> merged = PublicFigures.configuredOnly(List.of(area("water-utility", 10, 4, 4),
        area("+380671234567", 5, 2, 0), area("x-y", 6, 2, 2)), Set.of("water-utility")::contains);

    assertThat(shown(merged)).containsExactly("water-utility=10", "UNKNOWN=11");
    Figures unknown = merged.get(1);
    assertThat(unknown.resolved()).isEqualTo(4);
    assertThat(unknown.onTimeRate()).isEqualTo(0.5);
    assertThat(unknown.medianResolutionHours()).as("medians do not add up").isNull();
  }
}
