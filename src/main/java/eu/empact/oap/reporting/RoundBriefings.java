package eu.empact.oap.reporting;

import static eu.empact.oap.tasks.FormMarkdown.*;

import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapDocument.StrategicGoal;
import eu.empact.oap.tasks.FormMarkdown;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What each form of a reporting round shows its user to decide on, as Markdown: the OA with its
 * KPIs and targets for its report, every OA's report with indicator, target and value for the
 * Driver and the reviewers, the Driver's assessments, what the previous step said, and the links
 * to the round in the OAP workspace. Built from what the registry recorded.
 */
final class RoundBriefings {

  private RoundBriefings() {}

  /** The round in the workspace: "**Round 2 (January-June 2026)** of Migrant smuggling …". */
  static String round(String oapName, ReportingRound round, String roundLink) {
    return "**" + cell("Round " + round.number() + " (" + round.covers() + ")") + "** of " + cell(oapName) + ": "
        + link("the round in the OAP workspace", roundLink) + "\n\n";
  }

  /**
   * An Action Leader's report: where the round and the OA's sheet (goal, leaders, activities) are in
   * the workspace; the form itself lists the KPIs with their targets beside the lines to fill.
   */
  static String report(String roundHeader, OperationalAction oa, String oaLink) {
    return roundHeader + link("The sheet of OA " + oa.ref() + " in the OAP workspace", oaLink) + "\n";
  }

  /** Every OA's report of the round: status, progress, inputs, and a table of indicator, target and value. */
  static String reports(List<OperationalAction> actions, Map<String, RecordedReport> recorded) {
    StringBuilder text = new StringBuilder("#### The Action Leaders' reports\n\n");
    actions.stream().sorted(Comparator.comparing(OperationalAction::ref, OA_REFS)).forEach(oa -> {
      RecordedReport report = recorded.get(oa.ref());
      text.append("##### OA ").append(cell(oa.ref())).append(" ").append(cell(oa.title())).append("\n")
          .append("**Action Leaders:** ").append(actors(oa.actionLeaders())).append("  \n");
      if (!oa.coActionLeaders().isEmpty()) {
        text.append("**Co-leaders:** ").append(actors(oa.coActionLeaders())).append("  \n");
      }
      if (report == null || report.missed()) {
        text.append("**No report** (").append(report == null ? "not yet reported" : "missed at the deadline")
            .append(")\n\n");
        return;
      }
      // a wording to map and a value not read as written are flagged for the Driver
      text.append("**Status:** ").append(cell(report.statusAsWritten()
              + (report.statusReading().flagged() ? " [to map]" : ""))).append("  \n")
          .append("**Progress toward the target:** ").append(cell(report.progress())).append("  \n");
      if (report.humanResources() != null) {
        text.append("**Human resources:** ").append(cell(report.humanResources())).append("  \n");
      }
      if (report.financialResources() != null) {
        text.append("**Financial resources:** ").append(cell(report.financialResources())).append("  \n");
      }
      if (report.comments() != null) {
        text.append("**Comments:** ").append(cell(report.comments())).append("  \n");
      }
      text.append("*Reported by ").append(cell(report.recordedBy())).append(" on ")
          .append(report.recordedAt().atZone(ZoneOffset.UTC).toLocalDate()).append("*\n\n")
          .append(kpiValues(oa.kpis(), flagged(oa, report))).append("\n");
    });
    return text.toString();
  }

  /** The report's KPI values as written, each not read as written followed by its flag: " [UNREADABLE: …]". */
  private static Map<String, String> flagged(OperationalAction oa, RecordedReport report) {
    Map<String, String> values = new LinkedHashMap<>(report.kpiValues());
    oa.kpis().stream().filter(kpi -> values.containsKey(kpi.code())).forEach(kpi -> {
      KpiValue value = report.kpiValue(kpi);
      if (value != null && value.flagged()) {
        values.put(kpi.code(), values.get(kpi.code()) + " [" + value.status()
            + (value.note() == null ? "" : ": " + value.note()) + "]");
      }
    });
    return values;
  }

  /** The Driver's assessment of each strategic goal, as last written. */
  static String assessments(List<StrategicGoal> goals, Map<Integer, String> latest) {
    return "#### The Driver's assessments\n\n" + (latest.isEmpty() ? "*Not written yet.*\n\n" : goals.stream()
        .map(goal -> "**SG " + goal.number() + " " + cell(goal.title()) + "**\n\n"
            + text(latest.getOrDefault(goal.number(), "")) + "\n\n")
        .collect(Collectors.joining()));
  }

  /** What the latest step of the round with one of these events said, or nothing when none did. */
  static String said(String what, List<RoundEvent> history, String eventPrefix) {
    return history.stream().filter(event -> event.event().startsWith(eventPrefix)).reduce((a, b) -> b)
        .map(event -> FormMarkdown.said(what, event.user(), event.at(), event.event(), event.details()) + "\n")
        .orElse("");
  }
}
