package ua.dnipro.contactcenter.classifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The analysts' example cases, as they write them next to the tables in {@code decisions/}:
 * {@code ComplaintRouting.examples.csv} (category, issue type, month or blank for all year,
 * expected department, expected tier, and optionally whether it needs additional study: true,
 * false, or blank for not checked) and {@code SlaTier.examples.csv} (tier, expected duration,
 * priority, second escalation after, reminder before).
 */
public final class ClassifierExamples {

  private ClassifierExamples() {
  }

  /** One routing example; a null month holds all year round. */
  public record RoutingExample(int line, String category, String issueType, Integer month, String department,
      String tier, Boolean needsStudy) {

    public List<Integer> months() {
      return month == null ? java.util.stream.IntStream.rangeClosed(1, 12).boxed().toList() : List.of(month);
    }

    @Override
    public String toString() {
      return category + "/" + issueType + (month == null ? "" : " in month " + month) + " -> " + department + ", " + tier
          + (needsStudy == null ? "" : needsStudy ? ", needs study" : ", no study (15 days)");
    }
  }

  public record TierExample(int line, String tier, String duration, int priority, String secondEscalationAfter,
      String reminderBefore) {
  }

  public static List<RoutingExample> routing(String csv) {
    List<RoutingExample> examples = new ArrayList<>();
    for (Row row : rows(csv, 5, 6)) {
      String[] f = row.fields();
      examples.add(new RoutingExample(row.line(), blankToNull(f[0]), blankToNull(f[1]),
          f[2].isBlank() ? null : Integer.valueOf(f[2].trim()), f[3].trim(), f[4].trim(),
          f.length < 6 || f[5].isBlank() ? null : bool(f[5].trim(), row.line())));
    }
    return examples;
  }

  public static List<TierExample> tiers(String csv) {
    List<TierExample> examples = new ArrayList<>();
    for (Row row : rows(csv, 5, 5)) {
      String[] f = row.fields();
      examples.add(new TierExample(row.line(), f[0].trim(), f[1].trim(), Integer.parseInt(f[2].trim()), f[3].trim(),
          f[4].trim()));
    }
    return examples;
  }

  private record Row(int line, String[] fields) {
  }

  private static Boolean bool(String text, int line) {
    if (!text.equals("true") && !text.equals("false")) {
      throw new IllegalArgumentException("line " + line + ": needsStudy is true, false or blank, not '" + text + "'");
    }
    return Boolean.valueOf(text);
  }

  private static List<Row> rows(String csv, int minColumns, int maxColumns) {
    List<Row> rows = new ArrayList<>();
    String[] lines = csv.replace("\r\n", "\n").split("\n");
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank() || lines[i].startsWith("#")) {
        continue;
      }
      String[] fields = lines[i].split(",", -1);
      if (fields.length < minColumns || fields.length > maxColumns) {
        throw new IllegalArgumentException("line " + (i + 1) + " has " + fields.length + " columns, not "
            + (minColumns == maxColumns ? String.valueOf(minColumns) : minColumns + " or " + maxColumns));
      }
      rows.add(new Row(i + 1, fields));
    }
    return rows;
  }

  private static String blankToNull(String text) {
    return text.isBlank() ? null : text.trim();
  }
}
