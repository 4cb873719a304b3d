package eu.empact.oap.registry;

import eu.empact.oap.registry.ActivityTiming.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the timing column of OAP activities ("Q1-Q4 2024/25", "Q1- Q-4 2024/25", "Q2, Q4 2024",
 * "Q3-2025", "Q1 &amp; Q3 2024/25", ...) into quarter ranges within the OAP period.
 *
 * <p>The quarters named apply to each year named: "Q2-Q4 2024/25" is Q2-Q4 of 2024 and Q2-Q4 of
 * 2025; "Q1-Q4 2024/25" is the whole of both years. A bare year is its four quarters, "1st half
 * 2013" its first two. A three-digit year next to the period's end ("202/25") is read as the OAP
 * period and flagged; anything else the parser cannot read is kept as text and flagged, never
 * rejected or guessed silently.
 */
public final class ActivityTimingParser {

  private static final Pattern QUARTERS_AND_YEARS =
      Pattern.compile("(?<quarters>Q[1-4](?:[-, ]Q[1-4])*)[ -](?<years>\\d{3,4}(?:[/-]\\d{2,4})?)");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern HALF_YEAR =
      Pattern.compile("(?:(?<ordinal>1ST|2ND|FIRST|SECOND) HALF|H(?<number>[12])) (?<year>\\d{4})");
  private static final Pattern WHOLE_PERIOD = Pattern.compile("WHOLE (?:YEAR|PERIOD)|PERMANENT");

  private ActivityTimingParser() {}

  public static ActivityTiming parse(String text, int periodStart, int periodEnd) {
    if (text == null || text.isBlank()) {
      return unreadable(text, "no timing given");
    }
    String normalised = normalise(text);
    Matcher quarters = QUARTERS_AND_YEARS.matcher(normalised);
    if (quarters.matches()) {
      return quartersOfYears(text, quarters.group("quarters"), quarters.group("years"), periodStart, periodEnd);
    }
    if (YEAR.matcher(normalised).matches()) {
      int year = Integer.parseInt(normalised);
      return checked(text, List.of(range(year, 1, year, 4)), periodStart, periodEnd);
    }
    Matcher half = HALF_YEAR.matcher(normalised);
    if (half.matches()) {
      int year = Integer.parseInt(half.group("year"));
      boolean first = "1".equals(half.group("number")) || "1ST".equals(half.group("ordinal"))
          || "FIRST".equals(half.group("ordinal"));
      return checked(text, List.of(first ? range(year, 1, year, 2) : range(year, 3, year, 4)), periodStart, periodEnd);
    }
    if (WHOLE_PERIOD.matcher(normalised).matches()) {
      return new ActivityTiming(text, Status.INTERPRETED, List.of(range(periodStart, 1, periodEnd, 4)),
          "read as the whole OAP period " + period(periodStart, periodEnd));
    }
    return unreadable(text, "not a timing the parser knows (expected quarters and years, e.g. 'Q1-Q4 2024/25')");
  }

  /** Upper case, one kind of dash, "Q-4" as "Q4", no spaces around dashes and commas, "&" as a comma. */
  static String normalise(String text) {
    return text.toUpperCase(Locale.ROOT)
        .replace('\u2013', '-').replace('\u2014', '-').replace('&', ',')
        .replaceAll("\\bAND\\b", ",")
        .replaceAll("\\s+", " ").trim()
        .replaceAll("Q\\s*-\\s*(\\d)", "Q$1")
        .replaceAll("\\s*-\\s*", "-")
        .replaceAll("\\s*,\\s*", ",");
  }

  private static ActivityTiming quartersOfYears(String text, String quarterList, String yearList,
                                                int periodStart, int periodEnd) {
    List<int[]> quarterSpans = new ArrayList<>();
    for (String token : quarterList.split("[, ]")) {
      String[] ends = token.split("-");
      int from = Integer.parseInt(ends[0].substring(1));
      int to = Integer.parseInt(ends[ends.length - 1].substring(1));
      if (ends.length > 2 || from > to) {
        return unreadable(text, "quarters '" + token + "' do not form a range");
      }
      quarterSpans.add(new int[] {from, to});
    }
    String note = null;
    Status status = Status.READ;
    int[] years = years(yearList);
    if (years == null) {
      if (!isTruncatedPeriod(yearList, periodStart, periodEnd)) {
        return unreadable(text, "years '" + yearList + "' are not a year or a pair of years");
      }
      years = new int[] {periodStart, periodEnd};
      status = Status.INTERPRETED;
      note = "years '" + yearList + "' read as the OAP period " + period(periodStart, periodEnd);
    }
    List<QuarterRange> ranges = new ArrayList<>();
    for (int year = years[0]; year <= years[1]; year++) {
      for (int[] span : quarterSpans) {
        ranges.add(range(year, span[0], year, span[1]));
      }
    }
    ActivityTiming checked = checked(text, QuarterRange.merge(ranges), periodStart, periodEnd);
    return status == Status.READ || checked.status() != Status.READ ? checked
        : new ActivityTiming(text, status, checked.ranges(), note);
  }

  /**
   * "2024" or "2024/25", "2024-25", "2024/2025"; null when that is not what it says. A pair is two
   * consecutive years, as an OAP period is at most: "Q1, Q3 2024/2090" would otherwise be read as
   * more quarter ranges than anyone planned or the registry's column holds.
   */
  private static int[] years(String text) {
    String[] parts = text.split("[/-]");
    if (parts[0].length() != 4) {
      return null;
    }
    int first = Integer.parseInt(parts[0]);
    if (parts.length == 1) {
      return new int[] {first, first};
    }
    int last = switch (parts[1].length()) {
      case 2 -> first / 100 * 100 + Integer.parseInt(parts[1]);
      case 4 -> Integer.parseInt(parts[1]);
      default -> -1;
    };
    return last == first + 1 ? new int[] {first, last} : null;
  }

  /** "202/25" in an OAP 2024-2025: the first year lost a digit. */
  private static boolean isTruncatedPeriod(String text, int periodStart, int periodEnd) {
    String[] parts = text.split("[/-]");
    return parts.length == 2 && periodEnd == periodStart + 1
        && parts[0].length() == 3 && String.valueOf(periodStart).startsWith(parts[0])
        && parts[1].length() == 2 && String.valueOf(periodEnd).endsWith(parts[1]);
  }

  private static ActivityTiming checked(String text, List<QuarterRange> ranges, int periodStart, int periodEnd) {
    List<QuarterRange> outside = ranges.stream().filter(r -> !r.within(periodStart, periodEnd)).toList();
    if (outside.isEmpty()) {
      return new ActivityTiming(text, Status.READ, ranges, null);
    }
    return new ActivityTiming(text, Status.OUTSIDE_PERIOD, ranges,
        QuarterRange.format(outside) + " lies outside the OAP period " + period(periodStart, periodEnd));
  }

  private static ActivityTiming unreadable(String text, String note) {
    return new ActivityTiming(text, Status.UNREADABLE, List.of(), note);
  }

  private static QuarterRange range(int fromYear, int fromQuarter, int toYear, int toQuarter) {
    return new QuarterRange(new Quarter(fromYear, fromQuarter), new Quarter(toYear, toQuarter));
  }

  private static String period(int start, int end) {
    return start == end ? String.valueOf(start) : start + "-" + end;
  }
}
