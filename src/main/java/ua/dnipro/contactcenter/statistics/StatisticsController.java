package ua.dnipro.contactcenter.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ua.dnipro.contactcenter.api.Violations;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.routing.ClassifierCatalogue;
import ua.dnipro.contactcenter.statistics.StatisticsQueries.Figures;
import ua.dnipro.contactcenter.statistics.StatisticsQueries.Granularity;
import ua.dnipro.contactcenter.statistics.StatisticsQueries.Grouping;
import ua.dnipro.contactcenter.organisation.CityGroups;

/**
 * The city's statistics, public like the portal's: counts and times only, never a person, a
 * description or an address.
 */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "Statistics", description = "Public: the city's figures by day, week or month, and the executors' efficiency")
class StatisticsController {

  private final StatisticsQueries queries;
  private final ContactCenterProperties properties;
  private final ClassifierCatalogue classifier;
  private final ReportingPeriods periods;

  private final PublicStatisticsCosts costs;
  private final KyivCalendar calendar;
  private final PublicCodes codes;

  StatisticsController(StatisticsQueries queries, ContactCenterProperties properties, ClassifierCatalogue classifier,
      PublicStatisticsCosts costs) {
    this.queries = queries;
    this.properties = properties;
    this.classifier = classifier;
    this.costs = costs;
    this.calendar = new KyivCalendar(properties.timeZone());
    this.codes = new PublicCodes(properties);
    this.periods = new ReportingPeriods(calendar, properties.publicStatistics().maxBuckets());
  }

  /** Figures with the name of what they are grouped by. */
  /** Figures with the name of what they are grouped by: received counts reports, defects the defects among them. */
  record NamedFigures(String key, String name, long received, long defects, long resolved, long open, long overdue,
      long returned, Double onTimeRate, Double medianResolutionHours, Double p90ResolutionHours) {
  }

  record NamedBucket(LocalDate start, List<NamedFigures> groups) {
  }

  record StatisticsResponse(LocalDate from, LocalDate to, String timeZone, Granularity granularity, Grouping groupBy,
      List<NamedBucket> buckets, List<NamedFigures> totals) {
  }

  record EfficiencyEntry(int rank, String department, String name, long resolved, Double onTimeRate,
      Double medianResolutionHours, Double p90ResolutionHours, long overdue, long open,
      @io.swagger.v3.oas.annotations.media.Schema(description = "of the complaints resolved in the period, the share "
          + "the citizen had re-opened at least once (rework)") Double reopenedShare,
      @io.swagger.v3.oas.annotations.media.Schema(description = "the citizens' average rating (1 to 5) of the "
          + "resolutions they confirmed; null without ratings") Double averageRating,
      @io.swagger.v3.oas.annotations.media.Schema(description = "how many citizens rated") long ratings) {
  }

  record EfficiencyResponse(LocalDate from, LocalDate to, List<EfficiencyEntry> ranking) {
  }

  @GetMapping
  @Operation(summary = "Received, resolved, open, overdue, on-time rate, median and 90th-percentile resolution time, "
      + "returned for re-routing; per day, week (from Monday) or month in Kyiv time, by category, department, district "
      + "or channel",
      description = "received, open, overdue and returned count the complaints received in a bucket (open: not "
          + "resolved by the bucket's end; overdue: missed their deadline); resolved, on-time rate and resolution "
          + "times count those resolved in it. Districts only per month, and a district with fewer than 10 "
          + "complaints in a month is counted under OTHER. At most 366 buckets per request.")
  ResponseEntity<StatisticsResponse> statistics(
      @Parameter(description = "first day, ISO date (default: 30 days, 12 weeks or 12 months back)") @RequestParam(required = false) String from,
      @Parameter(description = "last day, ISO date (default: today in Kyiv)") @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "day") String granularity,
      @Parameter(description = "category, department, district, channel or none") @RequestParam(defaultValue = "none") String groupBy) {
    Violations problems = new Violations();
    Granularity bucket = parse(Granularity.class, "granularity", granularity, problems);
    Grouping grouping = parse(Grouping.class, "groupBy", groupBy, problems);
    Period asked = periods.period(from, to, bucket == null ? Granularity.DAY : bucket, problems);
    if (grouping == Grouping.DISTRICT && bucket != null && bucket != Granularity.MONTH) {
      problems.add("granularity", "district-by-month",
          "districts are shown per calendar month only: ask with granularity=month");
    }
    if (!problems.isEmpty()) {
      throw problems.exception();
    }
    // places: whole months that have ended, so that no two answers differ by part of a month
    Period period = grouping == Grouping.DISTRICT ? asked.wholeMonthsEndedBy(calendar.lastEndedMonth()) : asked;
    if (period.isEmpty()) {
      throw Violations.one("to", "ended-months",
          "districts are shown for months that have ended; the last is " + calendar.lastEndedMonth());
    }
    return cached(costs.answer("statistics|" + period + "|" + bucket + "|" + grouping,
        () -> report(period.first(), period.last(), bucket, grouping)));
  }

  private StatisticsResponse report(LocalDate from, LocalDate to, Granularity granularity, Grouping grouping) {
    StatisticsQueries.Report report = queries.report(from, to, granularity, grouping);
    List<NamedBucket> buckets = new ArrayList<>();
    Map<String, List<Figures>> shownByKey = new LinkedHashMap<>();
    for (StatisticsQueries.Bucket b : report.buckets()) {
      List<Figures> groups = publicGroups(b.groups(), grouping);
      groups.forEach(group -> shownByKey.computeIfAbsent(group.key(), k -> new ArrayList<>()).add(group));
      buckets.add(new NamedBucket(b.start(), groups.stream().map(f -> named(f, grouping)).toList()));
    }
    // a district's period is the months it was shown in: a total over all of them would give away
    // the months it was pooled in
    List<Figures> totals = grouping == Grouping.DISTRICT
        ? shownByKey.entrySet().stream().map(e -> asPeriodTotal(PublicFigures.sum(e.getKey(), e.getValue()))).toList()
        : publicGroups(report.totals(), grouping);
    return new StatisticsResponse(from, to, properties.timeZone().getId(), granularity, grouping, buckets,
        totals.stream().map(f -> named(f, grouping)).toList());
  }

  /** Only configured codes, and places never with fewer than 10 complaints. */
  private List<Figures> publicGroups(List<Figures> groups, Grouping grouping) {
    return switch (grouping) {
      case NONE, CATEGORY -> groups;
      case DEPARTMENT -> PublicFigures.configuredOnly(groups, codes::isHolder);
      case CHANNEL -> PublicFigures.configuredOnly(groups, codes::isChannel);
      case DISTRICT -> PublicFigures.pooled(PublicFigures.configuredOnly(groups, codes::isDistrict));
    };
  }

  /** The period's "open" is what is still open now. */
  private static Figures asPeriodTotal(Figures f) {
    return new Figures(f.key(), f.received(), f.resolved(), f.stillOpen(), f.overdue(), f.returned(), f.onTimeRate(),
        f.medianResolutionHours(), f.p90ResolutionHours(), f.onTime(), f.stillOpen(), f.defects());
  }

  @GetMapping("/efficiency")
  @Operation(summary = "The departments ranked by on-time rate, then median resolution time, then overdue count")
  ResponseEntity<EfficiencyResponse> efficiency(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Violations problems = new Violations();
    Period period = periods.period(from, to, Granularity.MONTH, problems);
    if (!problems.isEmpty()) {
      throw problems.exception();
    }
    return cached(costs.answer("efficiency|" + period, () -> {
      List<EfficiencyEntry> ranking = new ArrayList<>();
      for (StatisticsQueries.Efficiency e : queries.efficiency(period.first(), period.last())) {
        // only the city's own executors are ranked
        if (codes.isHolder(e.department())) {
          ranking.add(new EfficiencyEntry(ranking.size() + 1, e.department(), CityGroups.holderName(properties, e.department()),
              e.resolved(), e.onTimeRate(), e.medianResolutionHours(), e.p90ResolutionHours(), e.overdue(), e.open(),
              e.reopenedShare(), e.averageRating(), e.ratings()));
        }
      }
      return new EfficiencyResponse(period.first(), period.last(), ranking);
    }));
  }

  static <E extends Enum<E>> E parse(Class<E> type, String field, String text, Violations problems) {
    try {
      return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
      problems.add(field, "one-of", field + " must be one of " + allowed);
      return null;
    }
  }

  private NamedFigures named(Figures f, Grouping grouping) {
    return new NamedFigures(f.key(), name(f.key(), grouping), f.received(), f.defects(), f.resolved(), f.open(),
        f.overdue(), f.returned(), f.onTimeRate(), f.medianResolutionHours(), f.p90ResolutionHours());
  }

  private String name(String key, Grouping grouping) {
    Optional<String> pooled = PublicCodes.pooledName(key);
    if (pooled.isPresent()) {
      return pooled.get();
    }
    return switch (grouping) {
      case NONE -> "Усе місто";
      case DEPARTMENT -> CityGroups.holderName(properties, key);
      case DISTRICT -> properties.districtName(key);
      case CHANNEL -> properties.channelName(key);
      case CATEGORY -> classifier.current().category(key).map(ClassifierCatalogue.Category::nameUk).orElse(key);
    };
  }

  static <T> ResponseEntity<T> cached(T body) {
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(1)).cachePublic()).body(body);
  }
}
