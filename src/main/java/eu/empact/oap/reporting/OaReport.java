package eu.empact.oap.reporting;

import java.util.Map;

/**
 * An Action Leader's report on one OA for one round: stage and status, progress toward the
 * target, a value for each KPI (by its code, e.g. "a"), optional inputs, and comments.
 */
public record OaReport(String oaRef, String status, String progress, Map<String, String> kpiValues,
                       String humanResources, String financialResources, String comments) {

  public OaReport {
    kpiValues = kpiValues == null ? Map.of() : Map.copyOf(kpiValues);
  }
}
