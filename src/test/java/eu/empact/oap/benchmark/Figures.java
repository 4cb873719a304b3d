package eu.empact.oap.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's figures, ours beside plain Camunda's, printed as one table at the end. */
final class Figures {

  private record Row(String figure, String ours, String plain, String ratio) {}

  private final List<Row> rows = new ArrayList<>();

  /** Ours beside plain Camunda's; the figure's name says whether more (a rate) or less (a cost) is better. */
  void compare(String figure, double ours, double plain) {
    rows.add(new Row(figure, format(ours), format(plain), plain == 0 ? "" : format(ours / plain)));
    System.out.println("  " + figure + ": ours " + format(ours) + ", plain " + format(plain));
  }

  /** A figure of ours alone. */
  void ours(String figure, double ours) {
    rows.add(new Row(figure, format(ours), "", ""));
    System.out.println("  " + figure + ": " + format(ours));
  }

  void print() {
    int width = rows.stream().mapToInt(r -> r.figure().length()).max().orElse(10);
    String line = "%-" + width + "s | %10s | %10s | %12s%n";
    System.out.printf(line, "figure", "ours", "plain", "ours / plain");
    System.out.println("-".repeat(width + 41));
    rows.forEach(r -> System.out.printf(line, r.figure(), r.ours(), r.plain(), r.ratio()));
  }

  private static String format(double value) {
    return value >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
