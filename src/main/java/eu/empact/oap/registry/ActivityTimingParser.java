package eu.empact.oap.registry;

import eu.empact.oap.registry.ActivityTiming.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the timing column of OAP activities, in English as the plans write it, into quarter ranges
 * within the OAP period:
 * <ul>
 *   <li>quarters and years: "Q1-Q4 2024/25", "Q1- Q-4 2024/25", "Q2, Q4 2024", "Q3-2025", "Q1 &amp; Q3
 *       2024/25"; the quarters named apply to each year named ("Q2-Q4 2024/25" is Q2-Q4 of 2024 and of
 *       2025);</li>
 *   <li>months, lists and ranges of months: "September", "April/May/June", "October or November",
 *       "May to October", "October/November 2012", "Nov 2013" (a month is read as its quarter);</li>
 *   <li>halves and semesters: "1st half 2013", "2nd semester", "H1 2013";</li>
 *   <li>ordinal quarters: "2nd quarter", "1st and 2nd quarter 2012", "2nd to 4th quarter";</li>
 *   <li>dates: "01-01-2013 until 31-12-2013";</li>
 *   <li>years: "2013", "2012-2013"; and the whole year: "Whole year", "throughout the year",
 *       "Permanent".</li>
 * </ul>
 *
 * <p>What a timing leaves out is stated, never guessed silently: a timing without a year is read in
 * the OAP period's year (each year of a two-year period) and {@link Status#INTERPRETED} with a note
 * saying so; a timing inside other words ("Analysts meeting in the 1st semester") is read from the
 * expressions it contains, {@code INTERPRETED}, the note naming what was read; a three-digit year
 * next to the period's end ("202/25") is read as the OAP period. What leaves a span open or unsure
 * ("01-01-2012 until end of project", "October to March" without years, "Q5 2024") and what names no
 * timing at all is kept as text and {@link Status#UNREADABLE}; quarters outside the period are
 * {@link Status#OUTSIDE_PERIOD}.
 */
public final class ActivityTimingParser {

  // Lists repeat a bounded number of times ({0,11} months, ...): Java's regex engine recurses once per
  // repetition of a group, and a 4,000-character cell of "May/May/..." would overflow the stack.

  /** More separate spans than any plan writes for one activity: read as unreadable, not stored. */
  static final int MAX_RANGES = 24;
  private static final int QUOTE_LENGTH = 60;
  private static final int QUOTED = 5;

  private static final String START = "(?<![\\p{L}\\p{N}])";
  private static final String END = "(?![\\p{L}\\p{N}])";
  private static final String LIST = "\\s*(?:,|&|/|\\band\\b|\\bor\\b)\\s*";
  private static final String RANGE = "\\s*(?:-|\\bto\\b|\\buntil\\b|\\btill\\b)\\s*";
  /** "may" in lower case is the verb ("the activity may take place in June"), not the month. */
  private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|(?-i:May|MAY)|june?|july?"
      + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![\\p{L}])";
  private static final String ORDINAL = "(?:1st|2nd|3rd|4th|first|second|third|fourth)";
  private static final String QUARTER = "Q\\s*-?\\s*[1-4]";
  private static final String YEAR = "(?:19|20)\\d{2}";
  private static final String OPTIONAL_YEAR = "(?:\\s*[,.]?\\s+(?:of\\s+)?(?<year>" + YEAR + "))?";

  private static final Pattern DATES = pattern("(?<d1>\\d{1,2})[./-](?<m1>\\d{1,2})[./-](?<y1>\\d{4})"
      + "(?:" + RANGE + "(?<d2>\\d{1,2})[./-](?<m2>\\d{1,2})[./-](?<y2>\\d{4}))?");
  private static final Pattern QUARTERS = pattern("(?<quarters>" + QUARTER + "(?:(?:\\s*[-,&]\\s*|\\s+and\\s+|\\s+)"
      + QUARTER + "){0,7})(?:(?:\\s+of)?\\s*-?\\s*(?<years>\\d{2,4}(?:\\s*[/-]\\s*\\d{2,4})?))?");
  private static final Pattern MONTH_RANGE = pattern("(?:from\\s+)?(?<from>" + MONTH + ")(?:\\s+(?<fromYear>" + YEAR
      + "))?" + RANGE + "(?<to>" + MONTH + ")(?:\\s+(?<toYear>" + YEAR + "))?");
  private static final Pattern MONTHS = pattern("(?<months>" + MONTH + "(?:" + LIST + MONTH + "){0,11})" + OPTIONAL_YEAR);
  private static final Pattern HALVES = pattern("(?<ordinals>" + ORDINAL + "(?:" + LIST + ORDINAL
      + "){0,3})\\s+(?:half|halves|semesters?)(?:\\s+of\\s+the\\s+year)?" + OPTIONAL_YEAR);
  private static final Pattern HALF_CODE = pattern("H(?<number>[12])(?:\\s+(?<year>" + YEAR + "))?");
  private static final Pattern ORDINAL_QUARTERS = pattern("(?<ordinals>" + ORDINAL + "(?:(?:" + LIST
      + "|" + RANGE + ")" + ORDINAL + "){0,3})\\s+quarters?(?:\\s+of\\s+the\\s+year)?" + OPTIONAL_YEAR);
  private static final Pattern WHOLE = pattern("(?:(?:whole|entire|full)\\s+(?:year|period)"
      + "|throughout(?:\\s+the\\s+(?:year|period))?|all\\s+year(?:\\s+(?:round|long))?|permanent(?:ly)?|ongoing"
      + "|continuous(?:ly)?)" + OPTIONAL_YEAR);
  private static final Pattern YEARS = pattern("(?<from>" + YEAR + ")(?:\\s*(?:[/-]|\\bto\\b)\\s*(?<to>\\d{4}|\\d{2}))?");

  private static final Pattern ORDINAL_TOKEN = Pattern.compile(ORDINAL, Pattern.CASE_INSENSITIVE);
  private static final Pattern MONTH_TOKEN = Pattern.compile(MONTH, Pattern.CASE_INSENSITIVE);
  /** Words that make a span open or unsure when they stand beside what was read. */
  private static final Pattern OPEN_WORDS = Pattern.compile(
      "\\b(?:until|till|from|since|onwards?|before|after|end|beginning|start)\\b", Pattern.CASE_INSENSITIVE);
  /** A quarter or half that is none ("Q5", "5th quarter"), left over beside a year the parser read. */
  private static final Pattern STRAY_QUARTER = Pattern.compile(
      "\\bQ\\s*-?\\s*\\d+\\b|\\b(?:quarters?|semesters?|half|halves)\\b", Pattern.CASE_INSENSITIVE);
  /** A label some plans put before the timing ("Start and end date: 2013"). */
  private static final Pattern LABEL = Pattern.compile("^\\s*(?:start\\s+and\\s+end\\s+dates?|timing|dates?)\\s*:",
      Pattern.CASE_INSENSITIVE);
  /** Words and signs that say nothing about the span beside a timing. */
  private static final Pattern FILLER = Pattern.compile(
      "(?i)\\b(?:in|during|the|of|and|or|each|every|year)\\b|[\\s,;:./()\\[\\]&+*'\"-]");

  private ActivityTimingParser() {}

  public static ActivityTiming parse(String text, int periodStart, int periodEnd) {
    if (text == null || text.isBlank()) {
      return unreadable(text, "no timing given");
    }
    Reader reader = new Reader(text.replace('\u2013', '-').replace('\u2014', '-').replace('\u2012', '-'),
        periodStart, periodEnd);
    reader.blankLabel();
    reader.read(DATES, ActivityTimingParser::dates);
    reader.read(QUARTERS, ActivityTimingParser::quarters);
    reader.read(MONTH_RANGE, ActivityTimingParser::monthRange);
    reader.read(MONTHS, ActivityTimingParser::months);
    reader.read(HALVES, ActivityTimingParser::halves);
    reader.read(HALF_CODE, ActivityTimingParser::halfCode);
    reader.read(ORDINAL_QUARTERS, ActivityTimingParser::ordinalQuarters);
    reader.read(WHOLE, ActivityTimingParser::whole);
    reader.read(YEARS, ActivityTimingParser::years);
    return reader.result(text);
  }

  /** What one expression of a timing was read as: ranges and what was assumed, or why it cannot be read. */
  private record Piece(int position, String written, List<QuarterRange> ranges, String assumption, String problem) {}

  private interface Expression {
    Piece read(Matcher match, Reader reader);
  }

  /** Reads expressions out of the text in turn, blanking each one read so that later ones do not read it again. */
  private static final class Reader {
    private final char[] rest;
    private final String original;
    private final int periodStart;
    private final int periodEnd;
    private final List<Piece> pieces = new ArrayList<>();

    Reader(String text, int periodStart, int periodEnd) {
      this.original = text;
      this.rest = text.toCharArray();
      this.periodStart = periodStart;
      this.periodEnd = periodEnd;
    }

    void blankLabel() {
      Matcher label = LABEL.matcher(original);
      if (label.find()) {
        blank(label.start(), label.end());
      }
    }

    void read(Pattern pattern, Expression expression) {
      Matcher match = pattern.matcher(new String(rest));
      while (match.find()) {
        if (match.group().isBlank()) {
          continue;
        }
        pieces.add(expression.read(match, this));
        blank(match.start(), match.end());
      }
    }

    private void blank(int from, int to) {
      for (int i = from; i < to; i++) {
        rest[i] = ' ';
      }
    }

    Piece piece(Matcher match, List<QuarterRange> ranges, String assumption) {
      return new Piece(match.start(), match.group().trim(), ranges, assumption, null);
    }

    Piece problem(Matcher match, String problem) {
      return new Piece(match.start(), match.group().trim(), List.of(), null, problem);
    }

    /** The years a timing that names none applies to: the OAP period's, said in the assumption. */
    String yearAssumption() {
      return periodStart == periodEnd ? "no year written: read as " + periodStart + ", the OAP period's year"
          : "no year written: read in each year of the OAP period " + period(periodStart, periodEnd);
    }

    ActivityTiming result(String text) {
      if (pieces.isEmpty()) {
        return unreadable(text, "not a timing the parser knows (expected quarters, months, halves, semesters or "
            + "years, e.g. 'Q1-Q4 2024/25', 'May to October 2012', '1st semester 2013')");
      }
      pieces.sort(Comparator.comparingInt(Piece::position));
      for (Piece piece : pieces) {
        if (piece.problem() != null) {
          return unreadable(text, "'" + quote(piece.written()) + "': " + piece.problem());
        }
      }
      String leftOver = new String(rest);
      Matcher stray = STRAY_QUARTER.matcher(leftOver);
      if (stray.find()) {
        return unreadable(text, "'" + quote(stray.group()) + "' names no quarter or half the parser knows (Q1 to Q4, 1st to 4th quarter, 1st or 2nd half)");
      }
      Matcher open = OPEN_WORDS.matcher(leftOver);
      if (open.find()) {
        return unreadable(text, "reads " + quoted() + ", but '" + quote(open.group()) + "' beside it leaves the span "
            + "open or unsure");
      }
      List<QuarterRange> ranges = new ArrayList<>();
      pieces.forEach(piece -> ranges.addAll(piece.ranges()));
      List<QuarterRange> merged = QuarterRange.merge(ranges);
      if (merged.size() > MAX_RANGES) {
        return unreadable(text, "names more than " + MAX_RANGES + " separate spans");
      }
      Set<String> assumptions = new LinkedHashSet<>();
      pieces.stream().map(Piece::assumption).filter(a -> a != null).forEach(assumptions::add);
      String setAside = FILLER.matcher(leftOver).replaceAll(" ").trim();
      if (!setAside.isEmpty()) {
        assumptions.add("read from " + quoted() + " among other words, which are set aside");
      }
      ActivityTiming checked = checked(text, merged, periodStart, periodEnd);
      if (assumptions.isEmpty() || checked.status() != Status.READ) {
        return checked;
      }
      return new ActivityTiming(text, Status.INTERPRETED, merged, String.join("; ", assumptions));
    }

    /** The expressions read, each once, at most {@value #QUOTED} of them: a note stays short for a long cell. */
    private String quoted() {
      List<String> written = pieces.stream().map(p -> "'" + quote(p.written()) + "'").distinct().toList();
      return String.join(", ", written.subList(0, Math.min(QUOTED, written.size())))
          + (written.size() > QUOTED ? " and " + (written.size() - QUOTED) + " more" : "");
    }
  }

  private static Piece quarters(Matcher match, Reader reader) {
    List<int[]> spans = new ArrayList<>();
    String list = match.group("quarters").toUpperCase(Locale.ROOT)
        .replaceAll("Q\\s*-?\\s*(\\d)", "Q$1").replaceAll("\\s*-\\s*", "-")
        .replaceAll("\\s*(?:,|&|\\bAND\\b)\\s*", ",").replaceAll("\\s+", ",");
    for (String token : list.split(",+")) {
      String[] ends = token.split("-");
      int from = Integer.parseInt(ends[0].substring(1));
      int to = Integer.parseInt(ends[ends.length - 1].substring(1));
      if (ends.length > 2 || from > to) {
        return reader.problem(match, "quarters '" + token + "' do not form a range");
      }
      spans.add(new int[] {from, to});
    }
    String yearList = match.group("years");
    String assumption = null;
    int[] years;
    if (yearList == null) {
      years = new int[] {reader.periodStart, reader.periodEnd};
      assumption = reader.yearAssumption();
    } else {
      yearList = yearList.replaceAll("\\s", "");
      years = yearPair(yearList);
      if (years == null) {
        if (!isTruncatedPeriod(yearList, reader.periodStart, reader.periodEnd)) {
          return reader.problem(match, "years '" + yearList + "' are not a year or a pair of years");
        }
        years = new int[] {reader.periodStart, reader.periodEnd};
        assumption = "years '" + yearList + "' read as the OAP period " + period(reader.periodStart, reader.periodEnd);
      }
    }
    List<QuarterRange> ranges = new ArrayList<>();
    for (int year = years[0]; year <= years[1]; year++) {
      for (int[] span : spans) {
        ranges.add(range(year, span[0], year, span[1]));
      }
    }
    return reader.piece(match, ranges, assumption);
  }

  private static Piece months(Matcher match, Reader reader) {
    List<Integer> quarters = new ArrayList<>();
    Matcher month = MONTH_TOKEN.matcher(match.group("months"));
    while (month.find()) {
      quarters.add(quarterOf(monthNumber(month.group())));
    }
    String assumption = null;
    if (match.group("months").toLowerCase(Locale.ROOT).matches(".*\\bor\\b.*") && quarters.stream().distinct().count() > 1) {
      assumption = "'or' read as any of the months named";
    }
    return inYears(match, reader, match.group("year"), quarters.stream().map(q -> new int[] {q, q}).toList(), assumption);
  }

  private static Piece monthRange(Matcher match, Reader reader) {
    int from = monthNumber(match.group("from"));
    int to = monthNumber(match.group("to"));
    String fromYear = match.group("fromYear");
    String toYear = match.group("toYear");
    if (fromYear != null || toYear != null) {
      int last = Integer.parseInt(toYear != null ? toYear : fromYear);
      int first = fromYear != null ? Integer.parseInt(fromYear) : last;
      if (first == last && from > to && (fromYear == null || toYear == null)) {
        return reader.problem(match, "the months run over a year's end: name the year of each");
      }
      if (first * 12 + from > last * 12 + to) {
        return reader.problem(match, "the span runs backwards");
      }
      return reader.piece(match, List.of(range(first, quarterOf(from), last, quarterOf(to))), null);
    }
    if (from > to) {
      return reader.problem(match, "the months run over a year's end: name the year of each");
    }
    return inYears(match, reader, null, List.<int[]>of(new int[] {quarterOf(from), quarterOf(to)}), null);
  }

  private static Piece halves(Matcher match, Reader reader) {
    List<int[]> spans = new ArrayList<>();
    Matcher ordinal = ORDINAL_TOKEN.matcher(match.group("ordinals"));
    while (ordinal.find()) {
      int half = ordinalNumber(ordinal.group());
      if (half > 2) {
        return reader.problem(match, "a year has two halves");
      }
      spans.add(half == 1 ? new int[] {1, 2} : new int[] {3, 4});
    }
    return inYears(match, reader, match.group("year"), spans, null);
  }

  private static Piece halfCode(Matcher match, Reader reader) {
    int[] span = "1".equals(match.group("number")) ? new int[] {1, 2} : new int[] {3, 4};
    return inYears(match, reader, match.group("year"), List.<int[]>of(span), null);
  }

  private static Piece ordinalQuarters(Matcher match, Reader reader) {
    List<int[]> spans = new ArrayList<>();
    String ordinals = match.group("ordinals");
    Matcher ordinal = ORDINAL_TOKEN.matcher(ordinals);
    int previousEnd = -1;
    while (ordinal.find()) {
      int quarter = ordinalNumber(ordinal.group());
      String between = previousEnd < 0 ? "" : ordinals.substring(previousEnd, ordinal.start());
      if (previousEnd >= 0 && between.matches("(?i)" + RANGE)) {
        int[] last = spans.get(spans.size() - 1);
        if (quarter < last[0]) {
          return reader.problem(match, "the quarters run backwards");
        }
        last[1] = quarter;
      } else {
        spans.add(new int[] {quarter, quarter});
      }
      previousEnd = ordinal.end();
    }
    return inYears(match, reader, match.group("year"), spans, null);
  }

  private static Piece whole(Matcher match, Reader reader) {
    String year = match.group("year");
    if (year != null) {
      int y = Integer.parseInt(year);
      return reader.piece(match, List.of(range(y, 1, y, 4)), null);
    }
    return reader.piece(match, List.of(range(reader.periodStart, 1, reader.periodEnd, 4)),
        "read as the whole OAP period " + period(reader.periodStart, reader.periodEnd));
  }

  private static Piece years(Matcher match, Reader reader) {
    int from = Integer.parseInt(match.group("from"));
    String toText = match.group("to");
    int to = toText == null ? from : toText.length() == 2 ? from / 100 * 100 + Integer.parseInt(toText)
        : Integer.parseInt(toText);
    if (to < from || to - from > 9) {
      return reader.problem(match, "not a span of years");
    }
    return reader.piece(match, List.of(range(from, 1, to, 4)), null);
  }

  private static Piece dates(Matcher match, Reader reader) {
    int fromMonth = Integer.parseInt(match.group("m1"));
    int fromYear = Integer.parseInt(match.group("y1"));
    boolean span = match.group("y2") != null;
    int toMonth = span ? Integer.parseInt(match.group("m2")) : fromMonth;
    int toYear = span ? Integer.parseInt(match.group("y2")) : fromYear;
    if (!validDay(match.group("d1"), fromMonth) || span && !validDay(match.group("d2"), toMonth)) {
      return reader.problem(match, "not a date (day-month-year)");
    }
    if (fromYear * 12 + fromMonth > toYear * 12 + toMonth) {
      return reader.problem(match, "the span runs backwards");
    }
    return reader.piece(match, List.of(range(fromYear, quarterOf(fromMonth), toYear, quarterOf(toMonth))), null);
  }

  private static boolean validDay(String day, int month) {
    int d = Integer.parseInt(day);
    return month >= 1 && month <= 12 && d >= 1 && d <= 31;
  }

  /** The spans of quarters in the year written, or in each year of the OAP period when none is (stated). */
  private static Piece inYears(Matcher match, Reader reader, String year, List<int[]> spans, String assumption) {
    int first = year == null ? reader.periodStart : Integer.parseInt(year);
    int last = year == null ? reader.periodEnd : first;
    List<QuarterRange> ranges = new ArrayList<>();
    for (int y = first; y <= last; y++) {
      for (int[] span : spans) {
        ranges.add(range(y, span[0], y, span[1]));
      }
    }
    String assumed = year == null ? reader.yearAssumption() : null;
    String note = assumed == null ? assumption : assumption == null ? assumed : assumed + "; " + assumption;
    return reader.piece(match, ranges, note);
  }

  private static int monthNumber(String written) {
    String month = written.toLowerCase(Locale.ROOT).substring(0, 3);
    return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
        .indexOf(month) + 1;
  }

  private static int ordinalNumber(String written) {
    return switch (written.toLowerCase(Locale.ROOT)) {
      case "1st", "first" -> 1;
      case "2nd", "second" -> 2;
      case "3rd", "third" -> 3;
      default -> 4;
    };
  }

  private static int quarterOf(int month) {
    return (month - 1) / 3 + 1;
  }

  /**
   * "2024" or "2024/25", "2024-25", "2024/2025"; null when that is not what it says. A pair is two
   * consecutive years, as an OAP period is at most: "Q1, Q3 2024/2090" would otherwise be read as
   * more quarter ranges than anyone planned.
   */
  private static int[] yearPair(String text) {
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

  private static String quote(String text) {
    String oneLine = text.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= QUOTE_LENGTH ? oneLine : oneLine.substring(0, QUOTE_LENGTH - 3) + "...";
  }

  private static Pattern pattern(String expression) {
    return Pattern.compile(START + expression + END, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static String period(int start, int end) {
    return start == end ? String.valueOf(start) : start + "-" + end;
  }
}
