package eu.empact.oap.reporting;

import java.time.Instant;
import java.util.Map;

/** A report as recorded: status MISSED when the deadline passed without one. */
public record RecordedReport(String oaRef, String status, String progress, Map<String, String> kpiValues,
                             String humanResources, String financialResources, String comments, String recordedBy,
                             Instant recordedAt) {

  public boolean missed() {
    return OaReports.MISSED.equals(status);
  }

  /** The status in the documents' words, or "missed". */
  public String statusLabel() {
    return missed() ? "missed" : ReportStatus.valueOf(status).label();
  }
}
