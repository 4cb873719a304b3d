package eu.empact.oap.registry;

import com.fasterxml.jackson.annotation.JsonValue;

/** A calendar quarter such as 2024Q3. */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {

  public Quarter {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("quarter must be 1 to 4, was " + quarter);
    }
  }

  static Quarter parse(String text) {
    String[] parts = text.split("Q");
    return new Quarter(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
  }

  int ordinal() {
    return year * 4 + quarter - 1;
  }

  Quarter next() {
    return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
  }

  @Override
  public int compareTo(Quarter other) {
    return Integer.compare(ordinal(), other.ordinal());
  }

  @JsonValue
  @Override
  public String toString() {
    return year + "Q" + quarter;
  }
}
