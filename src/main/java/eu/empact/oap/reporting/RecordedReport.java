package eu.empact.oap.reporting;

import eu.empact.oap.registry.OapDocument.Kpi;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A report as recorded: status MISSED when the deadline passed without one. {@code status} is the
 * normalised status; {@code statusReading} keeps the wording as written and how it was read (null
 * for MISSED); {@code kpiValues} are the values as written, {@code kpiReadings} what was read from
 * them (see {@link #kpiValue(Kpi)}).
 */
public record RecordedReport(String oaRef, String status, String progress, Map<String, String> kpiValues,
                             String humanResources, String financialResources, String comments, String recordedBy,
                             Instant recordedAt, StatusReading statusReading, Map<String, KpiValue> kpiReadings) {

  /** The KPIs keep the order they come in: their codes as people read them (1, 2 ... 10). */
  public RecordedReport {
    kpiValues = Collections.unmodifiableMap(new LinkedHashMap<>(kpiValues));
    kpiReadings = Collections.unmodifiableMap(new LinkedHashMap<>(kpiReadings));
  }

  public boolean missed() {
    return OaReports.MISSED.equals(status);
  }

  /** The status in the documents' words (with the one it continues in), or "missed". */
  public String statusLabel() {
    return missed() ? "missed" : statusReading.label();
  }

  /** The stage and status as the Action Leader wrote it, or "missed". */
  public String writtenStatus() {
    return missed() ? "missed" : statusReading.written();
  }

  /**
   * The status as written and, where the words differ, as read: "Complete – ongoing into 2014
   * (finished; continuing: ongoing)", "ongoing", "missed".
   */
  public String statusAsWritten() {
    if (missed() || writtenStatus().equalsIgnoreCase(statusLabel())) {
      return statusLabel();
    }
    return writtenStatus() + " (" + statusLabel() + ")";
  }

  /** What was read from the KPI's value as written (read now for values recorded before readings were kept); null: none. */
  public KpiValue kpiValue(Kpi kpi) {
    String written = kpiValues.get(kpi.code());
    if (written == null) {
      return null;
    }
    KpiValue stored = kpiReadings.get(kpi.code());
    return stored != null ? stored : KpiValue.read(written, OaReportValidator.counts(kpi));
  }
}
