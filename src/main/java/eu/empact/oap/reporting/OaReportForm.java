package eu.empact.oap.reporting;

import static eu.empact.oap.reporting.ReportingRoundProcess.*;

import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.Problem;
import eu.empact.oap.system.FormValues;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The fields of an Action Leader's report on an OA, shared by the round's report task and a late
 * report answering the Driver's exhortation: what the form shows, and the report it sends.
 */
public final class OaReportForm {

  /** What the report form sends, cleared on a new task. */
  public static final List<String> INPUTS = List.of(REPORT_STATUS, PROGRESS, KPI_VALUES, HUMAN_RESOURCES,
      FINANCIAL_RESOURCES);

  private OaReportForm() {}

  /** Shows the OA with its KPIs and targets, and starts the KPI lines with one "code: " per KPI. */
  public static void prepare(DelegateTask task, OperationalAction oa) {
    task.setVariableLocal(OA_OVERVIEW, "OA " + oa.ref() + " " + oa.title() + "\nLeader: "
        + String.join(", ", oa.actionLeaders()) + "\nKPIs:\n" + oa.kpis().stream()
        .map(kpi -> kpi.code() + ") " + kpi.indicator() + (kpi.target() == null ? "" : " (target: " + kpi.target() + ")")
            + (OaReportValidator.counts(kpi) ? " [a whole number]" : ""))
        .collect(Collectors.joining("\n")));
    task.getExecution().setVariableLocal(KPI_VALUES, oa.kpis().stream().map(kpi -> kpi.code() + ": ")
        .collect(Collectors.joining("\n")));
  }

  /** The report the form sent; KPI lines it cannot read are added to {@code problems}. */
  public static OaReport read(VariableScope form, String oaRef, List<Problem> problems) {
    Map<String, String> kpis = OaReportValidator.kpiLines(FormValues.text(form, KPI_VALUES), problems);
    return new OaReport(oaRef, FormValues.text(form, REPORT_STATUS), FormValues.text(form, PROGRESS), kpis,
        FormValues.text(form, HUMAN_RESOURCES), FormValues.text(form, FINANCIAL_RESOURCES),
        FormValues.text(form, COMMENTS));
  }
}
