package eu.empact.oap.reporting;

import eu.empact.oap.registry.Reading;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A KPI value as an Action Leader wrote it, and what was read from it: a number where the text is
 * one beyond doubt, or what it says instead ("not available", "not declassified", an approximation,
 * a percentage, words). The text is always kept; {@link #status} says how it was read
 * ({@code READ}, {@code INTERPRETED} with the assumption in {@link #note}, {@code UNREADABLE}), and
 * only a number read as {@code READ} is ever added up.
 *
 * <p>The rule for separators (documented in the README, ADR 14): spaces (also no-break and narrow
 * ones) and apostrophes between groups of three digits always separate thousands ("58 361",
 * "10 000"); so do '.' and ',' when they separate two or more groups of three ("1.234.567") and,
 * in a KPI that counts something, one group of three ("10.000", "10,000": a count has no
 * fraction, and the EU's languages write thousands with either). In a KPI that does not count,
 * "1.234" could be a decimal: it is read as 1234 but {@code INTERPRETED}, with the assumption
 * stated. A decimal ("2,5", "1.5", "0.500") in a count is {@code UNREADABLE}: 2.5, or 25 with a
 * slip of the hand? A person says; nothing is guessed.
 */
public record KpiValue(String written, Kind kind, BigDecimal number, Reading status, String note) {

  /** What the value is. */
  public enum Kind {
    /** A figure: "12", "10.000", "58 361". */
    NUMBER,
    /** A bound, kept as such: ">200", "more than 200", "over 90", "about 50". */
    APPROXIMATION,
    /** A share: "90%". */
    PERCENTAGE,
    /** "not available", "n/a": kept as such. */
    NOT_AVAILABLE,
    /** "not declassified": the figure exists but may not be given. */
    NOT_DECLASSIFIED,
    /** Words, or several figures ("475 v 438", "15 JITs from which 8 were new"). */
    TEXT
  }

  private static final Pattern DIGITS = Pattern.compile("\\d+");
  /** Groups of three after the first, joined by one separator used throughout. */
  private static final Pattern GROUPED = Pattern.compile("(\\d{1,3})([ \u00A0\u202F'\u2019.,])(\\d{3})(?:\\2\\d{3})*");
  private static final Pattern DECIMAL = Pattern.compile("\\d+[.,]\\d+");
  private static final Pattern BOUND = Pattern.compile(
      "(?i)(>=|<=|>|<|\u2265|\u2264|~|\u00B1|\\+/-|more than|over|above|at least|in excess of|less than|fewer than|under|"
          + "below|up to|at most|about|around|approximately|approx\\.?|circa|ca\\.?|nearly|almost|some)\\s*(.+?)\\s*");
  private static final Pattern PLUS = Pattern.compile("(.+?)\\s*\\+");
  private static final Pattern PERCENT = Pattern.compile("(.+?)\\s*(%|per ?cent)", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBER_IN_TEXT = Pattern.compile("\\d+(?:[ \u00A0\u202F'\u2019.,]\\d+)*");
  private static final List<String> NOT_AVAILABLE = List.of("not available", "n/a", "na", "n.a.", "not known",
      "unknown", "no data", "not applicable");

  public KpiValue {
    written = written == null ? "" : written.trim();
    if (note != null && note.length() > NOTE_LENGTH) {
      note = note.substring(0, NOTE_LENGTH - 1) + "\u2026";
    }
    if (number != null) {
      // 10000, not 10000.000000 (as stored) nor 1E+4
      number = number.stripTrailingZeros();
      number = number.scale() < 0 ? number.setScale(0) : number;
    }
  }

  /** Whether a person should look at it: anything not read as written. */
  public boolean flagged() {
    return status != Reading.READ;
  }

  /** Whether it may be added up: a figure read as written. */
  public boolean summable() {
    return kind == Kind.NUMBER && status == Reading.READ;
  }

  /** Why a fact sheet left it out of a sum ("not available", "an approximation", ...). */
  public String leftOutBecause() {
    return switch (kind) {
      case NUMBER -> note == null ? "not read as written" : note;
      case APPROXIMATION -> "an approximation, kept as such";
      case PERCENTAGE -> "a percentage, not a count";
      case NOT_AVAILABLE -> "not available";
      case NOT_DECLASSIFIED -> "not declassified";
      case TEXT -> note == null ? "words, not a figure" : note;
    };
  }

  /**
   * Reads what an Action Leader wrote for a KPI; {@code counts}: the KPI counts something ("Number
   * of ..."), so its figures are whole numbers.
   */
  public static KpiValue read(String written, boolean counts) {
    String text = written == null ? "" : written.trim();
    String plain = text.toLowerCase(Locale.ROOT).replaceAll("[\\s.]+$", "").replaceAll("\\s+", " ");
    if (NOT_AVAILABLE.contains(plain) || plain.startsWith("not available") || plain.startsWith("information not available")) {
      return new KpiValue(text, Kind.NOT_AVAILABLE, null, Reading.READ, null);
    }
    if (plain.startsWith("not declassified")) {
      return new KpiValue(text, Kind.NOT_DECLASSIFIED, null, Reading.READ, null);
    }
    Number number = number(text, counts);
    if (number != null && number.value() != null && !storable(number.value())) {
      return new KpiValue(text, Kind.NUMBER, null, Reading.UNREADABLE, "more digits than a KPI figure has (at most "
          + INTEGER_DIGITS + " before the decimal mark and " + DECIMALS + " after): kept as written only");
    }
    if (number != null) {
      return new KpiValue(text, Kind.NUMBER, number.value(), number.status(), number.note());
    }
    Matcher percent = PERCENT.matcher(text);
    if (percent.matches() && number(percent.group(1), false) != null) {
      return new KpiValue(text, Kind.PERCENTAGE, number(percent.group(1), false).value(), Reading.INTERPRETED,
          "a percentage, not a count: kept as written, not added up");
    }
    Matcher bound = BOUND.matcher(text);
    Matcher plus = PLUS.matcher(text);
    String boundNumber = bound.matches() ? bound.group(2) : plus.matches() ? plus.group(1) : null;
    if (boundNumber != null && number(boundNumber, counts) != null) {
      return new KpiValue(text, Kind.APPROXIMATION, number(boundNumber, counts).value(), Reading.INTERPRETED,
          "an approximation (" + text + "): kept as such, not added up");
    }
    List<String> numbers = new ArrayList<>();
    Matcher inText = NUMBER_IN_TEXT.matcher(text);
    while (inText.find()) {
      numbers.add(inText.group());
    }
    if (numbers.isEmpty()) {
      return counts
          ? new KpiValue(text, Kind.TEXT, null, Reading.UNREADABLE, "no figure in '" + text + "'; the KPI counts something")
          : new KpiValue(text, Kind.TEXT, null, Reading.READ, null);
    }
    if (numbers.size() == 1 && number(numbers.get(0), counts) != null && number(numbers.get(0), counts).status()
        == Reading.READ) {
      String words = text.replace(numbers.get(0), "").trim();
      return new KpiValue(text, Kind.TEXT, number(numbers.get(0), counts).value(), Reading.INTERPRETED,
          "the figure " + numbers.get(0) + " among words ('" + words + "'): kept as written, not added up");
    }
    return new KpiValue(text, Kind.TEXT, null, Reading.UNREADABLE, numbers.size() > 1
        ? "several figures (" + String.join(", ", numbers) + "): which is the KPI's is for a person to say"
        : "'" + numbers.get(0) + "' among words could be read more than one way");
  }

  /** The digits a stored reading keeps (value_number DECIMAL(30, 6)). */
  static final int INTEGER_DIGITS = 24;
  static final int DECIMALS = 6;
  /** The longest note kept (value_note); the value itself is always kept whole. */
  static final int NOTE_LENGTH = 1000;

  private static boolean storable(BigDecimal value) {
    BigDecimal plain = value.stripTrailingZeros();
    return plain.scale() <= DECIMALS && plain.precision() - plain.scale() <= INTEGER_DIGITS;
  }

  private record Number(BigDecimal value, Reading status, String note) {}

  /** The text as a number alone, or null. */
  private static Number number(String raw, boolean counts) {
    String text = raw.trim();
    if (text.startsWith("-") || text.startsWith("\u2212")) {
      String rest = text.substring(1).trim();
      Number positive = rest.isEmpty() || !Character.isDigit(rest.charAt(0)) ? null : number(rest, counts);
      return positive == null ? null : new Number(positive.value().negate(), positive.status(), positive.note());
    }
    if (DIGITS.matcher(text).matches()) {
      return new Number(new BigDecimal(text), Reading.READ, null);
    }
    Matcher grouped = GROUPED.matcher(text);
    if (grouped.matches()) {
      String separator = grouped.group(2);
      BigDecimal value = new BigDecimal(text.replace(separator, ""));
      boolean pointOrComma = ".".equals(separator) || ",".equals(separator);
      boolean oneGroup = text.length() - text.replace(separator, "").length() == 1;
      if (!pointOrComma || !oneGroup) {
        return new Number(value, Reading.READ, null);
      }
      if (grouped.group(1).equals("0")) {
        // "0.500": a decimal, no thousands
        return decimal(text, counts);
      }
      if (counts) {
        return new Number(value, Reading.READ, null);
      }
      return new Number(value, Reading.INTERPRETED, "'" + text + "' read as " + value.toPlainString() + " with '"
          + separator + "' separating thousands; it could be the decimal " + text.replace(',', '.'));
    }
    if (DECIMAL.matcher(text).matches()) {
      return decimal(text, counts);
    }
    return null;
  }

  private static Number decimal(String text, boolean counts) {
    BigDecimal value = new BigDecimal(text.replace(',', '.'));
    if (counts) {
      return new Number(null, Reading.UNREADABLE, "'" + text + "' is not a whole number and the KPI counts "
          + "something: " + value.toPlainString() + ", or " + text.replaceAll("[.,]", "") + " mistyped? Not guessed");
    }
    return new Number(value, Reading.INTERPRETED, "'" + text + "' read as the decimal " + value.toPlainString());
  }
}
