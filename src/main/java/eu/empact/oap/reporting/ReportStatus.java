package eu.empact.oap.reporting;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The stage and status of an OA in a report, in the words of the EMPACT documents: the 2013
 * template legend ("not started, ongoing, finished/ on time, delayed") and the values the reports
 * use ("finished" beside "finished on time" in the 2012 monitoring, "not achieved", "partially
 * achieved", "postponed"), "undetermined" for the final reports' "indetermined", and
 * {@link #UNMAPPED} for a wording nobody has mapped yet. What the Action Leader wrote is kept
 * beside it ({@link StatusWordings}).
 */
public enum ReportStatus {
  NOT_STARTED("not started"),
  ONGOING("ongoing"),
  DELAYED("delayed"),
  FINISHED("finished"),
  FINISHED_ON_TIME("finished / on time"),
  PARTIALLY_ACHIEVED("partially achieved"),
  NOT_ACHIEVED("not achieved"),
  POSTPONED("postponed"),
  /** The Action Leader could not say ("indetermined", OAP MOCG 2013). */
  UNDETERMINED("undetermined"),
  /** A wording the table does not know: kept as written, counted here until the Driver maps it. */
  UNMAPPED("wording to be mapped");

  private final String label;

  ReportStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The status a text names: its code or its label, in any case and spacing ("Finished/ on time"). */
  public static Optional<ReportStatus> of(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = squeeze(text);
    return Arrays.stream(values()).filter(status -> status != UNMAPPED)
        .filter(status -> squeeze(status.name()).equals(wanted) || squeeze(status.label).equals(wanted))
        .findFirst();
  }

  static String labels() {
    return Arrays.stream(values()).filter(status -> status != UNMAPPED).map(ReportStatus::label).collect(Collectors.joining(", "));
  }

  static String squeeze(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
