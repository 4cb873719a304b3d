package eu.empact.oap.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** An inclusive range of quarters, such as 2024Q2-2025Q4. */
public record QuarterRange(Quarter from, Quarter to) {

  public QuarterRange {
    if (from.compareTo(to) > 0) {
      throw new IllegalArgumentException(from + " is after " + to);
    }
  }

  /** Sorts the ranges and joins those that overlap or touch. */
  static List<QuarterRange> merge(List<QuarterRange> ranges) {
    List<QuarterRange> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparing(QuarterRange::from));
    List<QuarterRange> merged = new ArrayList<>();
    for (QuarterRange range : sorted) {
      QuarterRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && range.from().ordinal() <= last.to().ordinal() + 1) {
        Quarter to = last.to().compareTo(range.to()) >= 0 ? last.to() : range.to();
        merged.set(merged.size() - 1, new QuarterRange(last.from(), to));
      } else {
        merged.add(range);
      }
    }
    return merged;
  }

  static String format(List<QuarterRange> ranges) {
    return ranges.stream().map(QuarterRange::toString).collect(Collectors.joining(","));
  }

  static List<QuarterRange> parseList(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(","))
        .map(range -> range.split("-"))
        .map(ends -> new QuarterRange(Quarter.parse(ends[0]), Quarter.parse(ends[1])))
        .toList();
  }

  boolean within(int firstYear, int lastYear) {
    return from.year() >= firstYear && to.year() <= lastYear;
  }

  @Override
  public String toString() {
    return from + "-" + to;
  }
}
