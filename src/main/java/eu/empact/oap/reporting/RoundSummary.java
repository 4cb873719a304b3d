package eu.empact.oap.reporting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The counts of a round that the Driver's report states: how many OAs were planned, how many
 * reported, how many per status, and which are missing. Computed from the reports themselves, and
 * refused if they do not add up: "out of the 14 activities" with counts that add up to 13, as in
 * the 2012 monitoring, cannot happen.
 */
public record RoundSummary(int round, int planned, int reported, Map<ReportStatus, Integer> perStatus,
                           List<String> missing) {

  public RoundSummary {
    perStatus = Map.copyOf(perStatus);
    missing = List.copyOf(missing);
    int counted = perStatus.values().stream().mapToInt(Integer::intValue).sum();
    if (counted != reported || reported + missing.size() != planned) {
      throw new IllegalStateException("round " + round + " counts do not add up: " + planned + " planned, "
          + reported + " reported, " + counted + " counted by status, " + missing.size() + " missing");
    }
  }

  /** The counts of a round asking about the OAs {@code planned}, from its record (MISSED counts as missing). */
  public static RoundSummary of(int round, List<String> planned, Map<String, RecordedReport> reports) {
    Map<ReportStatus, Integer> perStatus = new EnumMap<>(ReportStatus.class);
    List<String> missing = new ArrayList<>();
    for (String ref : planned) {
      RecordedReport report = reports.get(ref);
      if (report == null || report.missed()) {
        missing.add(ref);
      } else {
        perStatus.merge(ReportStatus.valueOf(report.status()), 1, Integer::sum);
      }
    }
    return new RoundSummary(round, planned.size(), planned.size() - missing.size(), perStatus, missing);
  }

  /** "26 OAs planned, 25 reported (ongoing 10, finished / on time 15); missing: 2.4". */
  public String text() {
    String statuses = java.util.Arrays.stream(ReportStatus.values()).filter(perStatus::containsKey)
        .map(status -> status.label() + " " + perStatus.get(status)).collect(Collectors.joining(", "));
    return planned + " OAs planned, " + reported + " reported" + (statuses.isEmpty() ? "" : " (" + statuses + ")")
        + (missing.isEmpty() ? "; none missing" : "; missing: " + String.join(", ", missing));
  }
}
