package eu.empact.oap.reporting;

import static eu.empact.oap.reporting.ReportingRoundProcess.*;

import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.Problem;
import eu.empact.oap.tasks.FieldProblem;
import eu.empact.oap.tasks.FormInput;
import eu.empact.oap.tasks.FormText;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The fields of an Action Leader's report on an OA, shared by the round's report task and a late
 * report answering the Driver's exhortation: what the form shows, the report it sends, and the
 * refusal of a report naming the form's fields.
 */
public final class OaReportForm {

  private OaReportForm() {}

  /** Shows the OA with its KPIs and targets, and starts the KPI lines with one "code: " per KPI. */
  public static void prepare(DelegateTask task, OperationalAction oa) {
    task.setVariableLocal(OA_OVERVIEW, FormText.of("OA " + oa.ref() + " " + oa.title() + "\nLeader: "
        + String.join(", ", oa.actionLeaders()) + (oa.coActionLeaders().isEmpty() ? ""
        : "\nCo-leaders (contribute; the leader submits): " + String.join(", ", oa.coActionLeaders())) + "\nKPIs:\n" + oa.kpis().stream()
        .map(kpi -> kpi.code() + ") " + kpi.indicator() + (kpi.target() == null ? "" : " (target: " + kpi.target() + ")")
            + (OaReportValidator.counts(kpi) ? " [a count: e.g. 1200, 10.000 or 10 000; or not available]" : ""))
        .collect(Collectors.joining("\n"))));
    task.getExecution().setVariableLocal(KPI_VALUES, FormText.of(oa.kpis().stream().map(kpi -> kpi.code() + ": ")
        .collect(Collectors.joining("\n"))));
  }

  /** The report the form sent on the OA; KPI lines it cannot read are added to {@code problems}. */
  public static OaReport read(FormInput form, String oaRef, List<Problem> problems) {
    Map<String, String> kpis = OaReportValidator.kpiLines(form.text(KPI_VALUES), problems);
    return new OaReport(oaRef, form.text(REPORT_STATUS), form.text(PROGRESS), kpis, form.text(HUMAN_RESOURCES),
        form.text(FINANCIAL_RESOURCES), form.text(COMMENTS));
  }

  /** A refused report's problems as the form's: each under the field that holds it ("kpis.a" is a KPI line). */
  public static List<FieldProblem> problems(ReportRejectedException rejected) {
    return rejected.problems().stream().map(OaReportForm::fieldProblem).toList();
  }

  private static FieldProblem fieldProblem(Problem problem) {
    String[] path = problem.path().split("\\.", 2);
    String field = switch (path[0]) {
      case "status" -> REPORT_STATUS;
      case "kpis" -> KPI_VALUES;
      default -> path[0];
    };
    if (path.length == 1) {
      return FieldProblem.of(field, problem.reason());
    }
    return FieldProblem.of(field, ("kpis".equals(path[0]) ? "KPI " : "") + path[1] + ": " + problem.reason());
  }
}
