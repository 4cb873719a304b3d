package eu.empact.oap.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.registry.OapDocument.Kpi;
import eu.empact.oap.registry.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The checks on an Action Leader's report, with the KPIs of OA 2.6 "Small Boats" and 6.1. */
class OaReportValidatorTest {

  static final List<Kpi> SMALL_BOATS = List.of(
      new Kpi("a", "Number of OCGs dismantled (2)", "2"),
      new Kpi("b", "Number of JIT created (2)", "2"),
      new Kpi("c", "Satisfaction rate. (Target: 90%)", "90%"));

  static OaReport report(String status, Map<String, String> kpis) {
    return new OaReport("2.6", status, "Two OCGs dismantled, on track", kpis, "1.5", null, "none");
  }

  @Test
  void acceptsACompleteReport() {
    assertThat(OaReportValidator.validate(report("Finished/ on time", Map.of("a", "3", "b", "1,000", "c", "92%")),
        SMALL_BOATS)).isEmpty();
    assertThat(OaReportValidator.validate(report("ongoing", Map.of("a", "10.000", "b", "2000", "c", "OK")),
        SMALL_BOATS)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"000", "XXX", "OOO", "xxx", "Baseline: XXX"})
  void rejectsPlaceholdersLeftFromTheTemplates(String placeholder) {
    List<Problem> problems = OaReportValidator.validate(report("ongoing", Map.of("a", "1", "b", "1", "c", placeholder)),
        SMALL_BOATS);

    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.path()).isEqualTo("kpis.c");
      assertThat(problem.reason()).contains("placeholder left from the template");
    });
  }

  @Test
  void rejectsAPlaceholderAsProgress() {
    OaReport report = new OaReport("2.6", "ongoing", "000", Map.of("a", "1", "b", "1", "c", "80%"), null, null, null);

    assertThat(OaReportValidator.validate(report, SMALL_BOATS)).extracting(Problem::path).containsExactly("progress");
  }

  @Test
  void refusesANegativeCountButKeepsWordsWhereACountIsDue() {
    assertThat(OaReportValidator.validate(report("ongoing", Map.of("a", "-2", "b", "a few", "c", "80%")), SMALL_BOATS))
        .extracting(Problem::path, Problem::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("kpis.a", "a count cannot be negative (-2)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"nearly done", "achieved", "Complete – ongoing into 2014", "indetermined",
      "6 cases discussed in OAP meeting framework in 2013"})
  void acceptsAnyStatusAsWrittenTheTableReadsItLater(String status) {
    assertThat(OaReportValidator.validate(report(status, Map.of("a", "1", "b", "1", "c", "80%")), SMALL_BOATS))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"not available", "not declassified", "more than 200", "over 90", ">200", "475 v 438",
      "90%", "15 JITs from which 8 were new", "2,5", "10.000", "58 361", "10 000", "1'000"})
  void acceptsEveryValueTheReportsWrite(String value) {
    assertThat(OaReportValidator.validate(report("ongoing", Map.of("a", value, "b", value, "c", value)), SMALL_BOATS))
        .isEmpty();
  }

  @Test
  void aReportOfAPastRoundMayLeaveOutProgressAndKpiValues() {
    OaReport past = new OaReport("2.6", "Complete", null, Map.of("a", "2"), null, null, null);

    assertThat(OaReportValidator.validate(past, SMALL_BOATS, true)).isEmpty();
    assertThat(OaReportValidator.validate(past, SMALL_BOATS)).extracting(Problem::path)
        .containsExactly("progress", "kpis.b", "kpis.c");
  }

  @Test
  void asksForEveryKpiAndRefusesOnesTheOaDoesNotHave() {
    assertThat(OaReportValidator.validate(report("delayed", Map.of("a", "1", "z", "4")), SMALL_BOATS))
        .extracting(Problem::path).containsExactly("kpis.b", "kpis.c", "kpis.z");
  }

  @Test
  void knowsEveryStatusOfTheDocuments() {
    assertThat(List.of("not started", "ongoing", "finished/ on time", "delayed", "Finished", "not achieved",
        "Partially achieved", "postponed")).allSatisfy(text -> assertThat(ReportStatus.of(text)).isPresent());
  }
}
