package eu.empact.oap.registry;

/** The years an OAP covers: one calendar year (2012 plans) or two (EMPACT 2022+). */
public record Period(int start, int end) {

  /** The period a document's "period" names, or null when it is not one or two whole calendar years. */
  public static Period parse(String text) {
    if (text == null || !text.matches("\\d{4}(-\\d{4})?")) {
      return null;
    }
    String[] years = text.split("-");
    int start = Integer.parseInt(years[0]);
    int end = Integer.parseInt(years[years.length - 1]);
    return end == start || end == start + 1 ? new Period(start, end) : null;
  }

  @Override
  public String toString() {
    return start == end ? String.valueOf(start) : start + "-" + end;
  }
}
