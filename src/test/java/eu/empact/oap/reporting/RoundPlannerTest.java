package eu.empact.oap.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import eu.empact.oap.reporting.ReportingRound.Kind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundPlannerTest {

  final RoundPlanner planner = new RoundPlanner(new ReportingProperties("--10-15", "--03-31", 30));

  @Test
  void plansFourRoundsForATwoYearOapEndingWithTheComprehensiveReport() {
    List<ReportingRound> plan = planner.plan(2024, 2025);

    assertThat(plan).extracting(ReportingRound::number, ReportingRound::kind, ReportingRound::coversFrom,
            ReportingRound::coversTo, ReportingRound::deadline, ReportingRound::annualFactSheet)
        .containsExactly(
            tuple(1, Kind.HALF_YEAR, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30), LocalDate.of(2024, 10, 15), false),
            tuple(2, Kind.ANNUAL, LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 31), LocalDate.of(2025, 3, 31), true),
            tuple(3, Kind.HALF_YEAR, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), LocalDate.of(2025, 10, 15), false),
            tuple(4, Kind.COMPREHENSIVE, LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 3, 31),
                true));
    assertThat(plan).extracting(ReportingRound::opens)
        .containsExactly(LocalDate.of(2024, 9, 15), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 9, 15),
            LocalDate.of(2026, 3, 1));
  }

  @Test
  void plansTwoRoundsForAnAnnualPlanOf2012() {
    assertThat(planner.plan(2012, 2012)).extracting(ReportingRound::kind, ReportingRound::deadline)
        .containsExactly(tuple(Kind.HALF_YEAR, LocalDate.of(2012, 10, 15)),
            tuple(Kind.COMPREHENSIVE, LocalDate.of(2013, 3, 31)));
  }

  @Test
  void refusesADeadlineThatIsNotADayOfTheYear() {
    assertThatThrownBy(() -> new ReportingProperties("15 October", "--03-31", 30))
        .hasMessageContaining("15 October");
  }
}
