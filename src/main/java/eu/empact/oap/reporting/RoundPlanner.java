package eu.empact.oap.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Plans the reporting rounds of an OAP over its period: per year a half-year round and a round
 * on the second half with the annual fact sheet; the last round of the period is the
 * comprehensive report on the whole OAP (the three reporting steps of the OAP 2024-2025: light
 * reporting, comprehensive reporting, annual fact sheets). Every round's KPI figures are for the
 * six months it covers, so that a year's fact sheet adds up its two rounds without counting twice.
 */
@Component
public class RoundPlanner {

  private final ReportingProperties properties;

  RoundPlanner(ReportingProperties properties) {
    this.properties = properties;
  }

  public List<ReportingRound> plan(int firstYear, int lastYear) {
    List<ReportingRound> rounds = new ArrayList<>();
    for (int year = firstYear; year <= lastYear; year++) {
      rounds.add(round(rounds.size() + 1, ReportingRound.Kind.HALF_YEAR, LocalDate.of(year, 1, 1),
          LocalDate.of(year, 6, 30), properties.halfYear().atYear(year), false));
      boolean last = year == lastYear;
      rounds.add(round(rounds.size() + 1, last ? ReportingRound.Kind.COMPREHENSIVE : ReportingRound.Kind.ANNUAL,
          LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31),
          properties.annual().atYear(year + 1), true));
    }
    return rounds;
  }

  private ReportingRound round(int number, ReportingRound.Kind kind, LocalDate from, LocalDate to, LocalDate deadline,
                               boolean factSheet) {
    return new ReportingRound(number, kind, from, to, deadline.minusDays(properties.opensDaysBeforeDeadline()),
        deadline, factSheet, RoundStage.PLANNED);
  }
}
