package eu.empact.oap.reporting;

import eu.empact.oap.registry.NotFoundException;
import eu.empact.oap.registry.OapDocument;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.OapVersionAdopted;
import eu.empact.oap.registry.Period;
import eu.empact.oap.registry.Problem;
import eu.empact.oap.registry.RegistryConflictException;
import eu.empact.oap.system.Rows;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reporting rounds of an adopted OAP, planned when it is adopted, and the reports of its
 * Action Leaders: checked before they are recorded, one per OA and round, or MISSED when the
 * deadline passed without one.
 */
@Service
@Transactional
public class ReportingRounds {

  static final String MISSED = "MISSED";

  private final JdbcClient jdbc;
  private final RoundPlanner planner;
  private final OapRegistry registry;
  private final Clock clock;

  ReportingRounds(JdbcClient jdbc, RoundPlanner planner, OapRegistry registry, Optional<Clock> clock) {
    this.jdbc = jdbc;
    this.planner = planner;
    this.registry = registry;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** When a version is adopted, its OAP's rounds are planned over the period (once). */
  @EventListener
  public void onAdopted(OapVersionAdopted adopted) {
    if (!rounds(adopted.oapId()).isEmpty()) {
      return;
    }
    for (ReportingRound round : proposed(adopted.oapId())) {
      jdbc.sql("INSERT INTO reporting_round (oap_id, number, kind, covers_from, covers_to, opens, deadline, "
              + "annual_fact_sheet) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(adopted.oapId(), round.number(), round.kind().name(), Date.valueOf(round.coversFrom()),
              Date.valueOf(round.coversTo()), Date.valueOf(round.opens()), Date.valueOf(round.deadline()),
              round.annualFactSheet())
          .update();
    }
  }

  /** The rounds planned at adoption; before adoption, the rounds the OAP's period would get. */
  @Transactional(readOnly = true)
  public List<ReportingRound> plan(long oapId) {
    List<ReportingRound> planned = rounds(oapId);
    return planned.isEmpty() ? proposed(oapId) : planned;
  }

  private List<ReportingRound> proposed(long oapId) {
    Period period = Period.parse(registry.summary(oapId).period());
    return planner.plan(period.start(), period.end());
  }

  @Transactional(readOnly = true)
  public List<ReportingRound> rounds(long oapId) {
    return jdbc.sql("SELECT * FROM reporting_round WHERE oap_id = ? ORDER BY number").param(oapId)
        .query((rs, n) -> new ReportingRound(rs.getInt("number"), ReportingRound.Kind.valueOf(rs.getString("kind")),
            rs.getDate("covers_from").toLocalDate(), rs.getDate("covers_to").toLocalDate(),
            rs.getDate("opens").toLocalDate(), rs.getDate("deadline").toLocalDate(), rs.getBoolean("annual_fact_sheet")))
        .list();
  }

  /** Records an Action Leader's report after checking it against the OA's KPIs; refuses it whole. */
  public void submit(long oapId, int round, OaReport report, String user) {
    OapDocument.OperationalAction oa = action(oapId, report.oaRef());
    List<Problem> problems = new ArrayList<>(OaReportValidator.validate(report, oa.kpis()));
    long roundId = roundId(oapId, round);
    if (existing(roundId, report.oaRef()).isPresent()) {
      throw new RegistryConflictException("OA " + report.oaRef() + " has a report in round " + round + " already");
    }
    if (!problems.isEmpty()) {
      throw new ReportRejectedException(problems);
    }
    long reportId = insert(roundId, report.oaRef(), ReportStatus.of(report.status()).orElseThrow().name(),
        report.progress(), report.humanResources(), report.financialResources(), report.comments(), user);
    report.kpiValues().forEach((code, value) -> jdbc.sql("INSERT INTO oa_report_kpi (report_id, kpi_code, kpi_value) "
        + "VALUES (?, ?, ?)").params(reportId, code, value.trim()).update());
  }

  /** The deadline passed without a report on this OA: recorded as MISSED (once). */
  public void markMissed(long oapId, int round, String oaRef) {
    long roundId = roundId(oapId, round);
    if (existing(roundId, oaRef).isEmpty()) {
      insert(roundId, oaRef, MISSED, null, null, null, "no report by the deadline", "system");
    }
  }

  @Transactional(readOnly = true)
  public RoundSummary summary(long oapId, int round) {
    long roundId = roundId(oapId, round);
    List<String> planned = registry.export(oapId).operationalActions().stream()
        .map(OapDocument.OperationalAction::ref).toList();
    Map<String, String> statuses = new java.util.HashMap<>();
    jdbc.sql("SELECT oa_ref, status FROM oa_report WHERE round_id = ?").param(roundId)
        .query(rs -> {
          statuses.put(rs.getString(1), rs.getString(2));
        });
    Map<ReportStatus, Integer> perStatus = new EnumMap<>(ReportStatus.class);
    List<String> missing = new ArrayList<>();
    for (String ref : planned) {
      String status = statuses.get(ref);
      if (status == null || MISSED.equals(status)) {
        missing.add(ref);
      } else {
        perStatus.merge(ReportStatus.valueOf(status), 1, Integer::sum);
      }
    }
    return new RoundSummary(round, planned.size(), planned.size() - missing.size(), perStatus, missing);
  }

  private OapDocument.OperationalAction action(long oapId, String ref) {
    return registry.export(oapId).operationalActions().stream().filter(oa -> oa.ref().equals(ref)).findFirst()
        .orElseThrow(() -> new NotFoundException("OAP " + oapId + " has no OA " + ref));
  }

  private long roundId(long oapId, int round) {
    return jdbc.sql("SELECT id FROM reporting_round WHERE oap_id = ? AND number = ?").params(oapId, round)
        .query(Long.class).optional()
        .orElseThrow(() -> new NotFoundException("OAP " + oapId + " has no reporting round " + round
            + " (rounds are planned when a version is adopted)"));
  }

  private Optional<Long> existing(long roundId, String oaRef) {
    return jdbc.sql("SELECT id FROM oa_report WHERE round_id = ? AND oa_ref = ?").params(roundId, oaRef)
        .query(Long.class).optional();
  }

  private long insert(long roundId, String oaRef, String status, String progress, String humanResources,
                      String financialResources, String comments, String user) {
    Instant now = clock.instant();
    return Rows.insert(jdbc, "INSERT INTO oa_report (round_id, oa_ref, status, progress, human_resources, "
            + "financial_resources, comments, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        roundId, oaRef, status, progress, humanResources, financialResources, comments, user, Timestamp.from(now));
  }
}
