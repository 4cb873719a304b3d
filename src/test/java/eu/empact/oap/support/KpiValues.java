package eu.empact.oap.support;

import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.reporting.OaReportValidator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Valid KPI values for an OA's report: the count given where the KPI counts something, a sentence elsewhere. */
public final class KpiValues {

  private KpiValues() {}

  public static Map<String, String> of(OperationalAction oa, String count) {
    Map<String, String> values = new LinkedHashMap<>();
    oa.kpis().forEach(kpi -> values.put(kpi.code(), OaReportValidator.counts(kpi) ? count : "as planned"));
    return values;
  }

  /** As the report form takes them: "a: 3" lines. */
  public static String lines(OperationalAction oa, String count) {
    return of(oa, count).entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining("\n"));
  }
}
