package eu.empact.oap.reporting;

import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapDocument.StrategicGoal;
import eu.empact.oap.registry.RegistryViews.OapSummary;
import eu.empact.oap.registry.RegistryViews.VersionContentView;
import eu.empact.oap.reporting.ReportingRounds.RoundState;
import java.util.List;
import java.util.Map;

/**
 * A round as its documents show it, read at once ({@link RoundRecords}): the OAP, the round as
 * planned and as it stands, the goals and OAs of the version it reports on, its record of reports
 * (MISSED included) and the addenda after COSI took note, and the Driver's latest assessments.
 */
public record RoundRecord(OapSummary oap, ReportingRound round, RoundState state, VersionContentView version,
                          Map<String, RecordedReport> reports, Map<String, RecordedReport> addenda,
                          Map<Integer, String> assessments) {

  public int number() {
    return round.number();
  }

  /** The version the round reports on (REV n). */
  public int revision() {
    return version.revision();
  }

  public List<StrategicGoal> goals() {
    return version.strategicGoals();
  }

  public List<OperationalAction> actions() {
    return version.operationalActions();
  }

  /** The round's counts, as {@link OaReports#summary(long, int)} gives them. */
  public RoundSummary summary() {
    return RoundSummary.of(round.number(), actions().stream().map(OperationalAction::ref).toList(), reports);
  }
}
