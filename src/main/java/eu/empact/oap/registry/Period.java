package eu.empact.oap.registry;

/** The years an OAP covers: one calendar year (2012 plans) or two (EMPACT 2022+). */
public record Period(int start, int end) {

  /**
   * The first and the last year an OAP may cover. EMPACT began with the policy cycle agreed in
   * 2010-2011 (its first OAPs are the annual plans of 2012); 2000-2100 leaves room on both sides
   * and keeps out the typos ("0000-0001", "9999") that no reporting plan can be made for.
   */
  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2100;

  /** The period a document's "period" names, or null when it is not one or two whole calendar years in range. */
  public static Period parse(String text) {
    return refusal(text) == null ? of(text) : null;
  }

  /** Why the text names no period, or null when it names one. */
  static String refusal(String text) {
    if (text == null || !text.matches("\\d{4}(-\\d{4})?")) {
      return "'" + text + "' is not a year or two years (e.g. 2012 or 2024-2025)";
    }
    Period period = of(text);
    if (period.start < FIRST_YEAR || period.end > LAST_YEAR) {
      return "'" + text + "' lies outside the years " + FIRST_YEAR + "-" + LAST_YEAR + " an OAP may cover";
    }
    if (period.end != period.start && period.end != period.start + 1) {
      return "'" + text + "' is not one or two whole calendar years (e.g. 2012 or 2024-2025)";
    }
    return null;
  }

  private static Period of(String text) {
    String[] years = text.split("-");
    return new Period(Integer.parseInt(years[0]), Integer.parseInt(years[years.length - 1]));
  }

  @Override
  public String toString() {
    return start == end ? String.valueOf(start) : start + "-" + end;
  }
}
