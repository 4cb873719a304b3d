package eu.empact.oap.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.registry.OapDocument.Kpi;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapDocument.StrategicGoal;
import eu.empact.oap.registry.Reading;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the round's forms show: reports with indicator, target and value, the Driver's assessments, earlier comments. */
class RoundBriefingsTest {

  static OperationalAction oa(String ref, String leader) {
    return new OperationalAction(ref, 1, "OA " + ref + " title", null, null, null, List.of(leader), List.of(),
        List.of(), List.of(), List.of(new Kpi("a", "Number of arrests", "50"), new Kpi("b", "Action days", "2")),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  static final ReportingRound ROUND = new ReportingRound(2, ReportingRound.Kind.HALF_YEAR, LocalDate.of(2026, 1, 1),
      LocalDate.of(2026, 6, 30), LocalDate.of(2026, 9, 15), LocalDate.of(2026, 10, 15), false, RoundStage.COLLECTING);

  @Test
  void theDriverReadsEveryReportWithIndicatorTargetAndValue() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("a", "12");
    values.put("b", "1");
    RecordedReport report = new RecordedReport("2.4", "ONGOING", "Two operations under way", values, "3", null,
        "JIT with FR", "al-it", Instant.parse("2026-10-01T08:00:00Z"),
        new StatusReading("ongoing", ReportStatus.ONGOING, null, Reading.READ, null), Map.of());
    String text = RoundBriefings.round("Migrant smuggling 2026-2027", ROUND, "http://x/oaps/7/rounds/2")
        + RoundBriefings.reports(List.of(oa("2.10", "FR"), oa("2.4", "IT")), Map.of("2.4", report));
    assertThat(text).contains("**Round 2 (January-June 2026)**").contains("(http://x/oaps/7/rounds/2)")
        .contains("##### OA 2.4 OA 2.4 title\n**Action Leaders:** IT")
        .contains("**Status:** " + ReportStatus.ONGOING.label())
        .contains("**Progress toward the target:** Two operations under way")
        .contains("**Human resources:** 3").contains("**Comments:** JIT with FR")
        .contains("| KPI | Indicator | Target | Value |").contains("| a | Number of arrests | 50 | 12 |")
        .contains("| b | Action days | 2 | 1 |")
        .contains("##### OA 2.10 OA 2.10 title\n**Action Leaders:** FR  \n**No report** (not yet reported)");
    assertThat(text.indexOf("OA 2.4 ")).isLessThan(text.indexOf("OA 2.10 "));
  }

  @Test
  void theActionLeaderIsLinkedToTheRoundAndTheOasSheet() {
    assertThat(RoundBriefings.report(RoundBriefings.round("Migrant smuggling 2026-2027", ROUND,
        "http://x/oaps/7/rounds/2"), oa("2.4", "IT"), "http://x/oaps/7?rev=1#oa-2.4"))
        .contains("(http://x/oaps/7/rounds/2)").contains("[The sheet of OA 2.4 in the OAP workspace]"
            + "(http://x/oaps/7?rev=1#oa-2.4)");
  }

  @Test
  void theReviewersReadTheDriversAssessmentsAndWhatTheEarlierStepSaid() {
    String assessments = RoundBriefings.assessments(List.of(new StrategicGoal(1, "CHSG 1", "Intelligence picture",
        null), new StrategicGoal(2, "CHSG 2", "Networks", null)), Map.of(1, "On track.\nTwo JITs # set up"));
    assertThat(assessments).contains("**SG 1 Intelligence picture**\n\nOn track.\nTwo JITs \\# set up")
        .contains("**SG 2 Networks**\n\n—");
    assertThat(RoundBriefings.assessments(List.of(), Map.of())).contains("*Not written yet.*");

    String said = RoundBriefings.said("The Co-Drivers' review", List.of(
        new RoundEvent("CO_DRIVER_REVISE", "codriver", Instant.parse("2026-10-20T10:00:00Z"), "Add the seizures"),
        new RoundEvent("DRIVER_REPORT_WRITTEN", "driver", Instant.parse("2026-10-21T10:00:00Z"), "edition 2")),
        "CO_DRIVER_");
    assertThat(said).contains("The Co-Drivers' review (codriver, 2026-10-20, co driver revise)")
        .contains("> Add the seizures");
    assertThat(RoundBriefings.said("x", List.of(), "CO_DRIVER_")).isEmpty();
  }
}
