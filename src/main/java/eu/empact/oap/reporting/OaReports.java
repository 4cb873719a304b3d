package eu.empact.oap.reporting;

import eu.empact.oap.registry.NotFoundException;
import eu.empact.oap.registry.OapDocument.Kpi;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.Problem;
import eu.empact.oap.registry.Reading;
import eu.empact.oap.registry.RegistryConflictException;
import eu.empact.oap.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Action Leaders' reports of a round: checked before they are recorded, one per OA, or
 * MISSED when the deadline passed without one; and the counts the Driver's report states.
 */
@Service
@Transactional
public class OaReports {

  static final String MISSED = "MISSED";

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final ReportingRounds rounds;
  private final OapRegistry registry;
  private final ApplicationEventPublisher events;
  private final StatusWordings wordings;
  private final Clock clock;

  OaReports(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ReportingRounds rounds, OapRegistry registry,
            ApplicationEventPublisher events, StatusWordings wordings, Clock clock) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.rounds = rounds;
    this.registry = registry;
    this.events = events;
    this.wordings = wordings;
    this.clock = clock;
  }

  /** The OAs a round asks about, as the version it reports on has them. */
  @Transactional(readOnly = true)
  public List<OperationalAction> actions(long oapId, int round) {
    return registry.content(oapId, rounds.revision(oapId, round)).operationalActions();
  }

  /** One OA of the round, read by itself from the registry (its KPIs and actors), not from the OAP's document. */
  @Transactional(readOnly = true)
  public OperationalAction action(long oapId, int round, String ref) {
    return action(oapId, round, rounds.state(oapId, round), ref);
  }

  private OperationalAction action(long oapId, int round, ReportingRounds.RoundState state, String ref) {
    int revision = state.revision() != null ? state.revision() : rounds.revision(oapId, round);
    return registry.operationalAction(oapId, revision, ref)
        .orElseThrow(() -> new NotFoundException("OAP " + oapId + " has no OA " + ref + " in reporting round " + round));
  }

  /** Records an Action Leader's report after checking it against the OA's KPIs; refuses it whole. */
  public void submit(long oapId, int round, OaReport report, String user) {
    submit(oapId, round, report, user, List.of());
  }

  /** As {@link #submit(long, int, OaReport, String)}, refusing also for problems the form found reading it. */
  public void submit(long oapId, int round, OaReport report, String user, List<Problem> formProblems) {
    ReportingRounds.RoundState state = rounds.state(oapId, round);
    OperationalAction oa = action(oapId, round, state, report.oaRef());
    List<Problem> problems = problems(oa, report, formProblems);
    if (state.stage() != RoundStage.COLLECTING) {
      throw new RegistryConflictException("round " + round + " of OAP " + oapId + " is not collecting reports ("
          + state.stage() + ")");
    }
    long roundId = state.id();
    if (existing(roundId, report.oaRef()).isPresent()) {
      throw new RegistryConflictException("OA " + report.oaRef() + " has a report in round " + round + " already");
    }
    if (!problems.isEmpty()) {
      throw new ReportRejectedException(problems);
    }
    long reportId = insert(roundId, report, wordings.read(oapId, report.status()), user, clock.instant(), false);
    insertKpiValues(reportId, report, oa);
  }

  /**
   * Records a report of a past round as the documents give it ({@link PastCycles}): read as any
   * report, but a KPI the document gives no value for is left out rather than refused, and no
   * event follows (nobody is asked, reminded or escalated about the past).
   */
  void recordPast(long oapId, long roundId, OperationalAction oa, OaReport report, String user, Instant recordedAt) {
    long reportId = insert(roundId, report, wordings.read(oapId, report.status()), user, recordedAt, false);
    insertKpiValues(reportId, report, oa);
  }

  /**
   * A report that arrives after the deadline (answering the Driver's exhortation), checked as any
   * report. While the round is still being reported on, it takes the place of the OA's MISSED
   * record and the round's history keeps that it was late. Once COSI took note of the round, the
   * noted record stays as it is: the report is kept beside it as an addendum, with its date, and
   * the round's document shows it in a new edition.
   */
  public void submitLate(long oapId, int round, OaReport report, String user, List<Problem> formProblems) {
    ReportingRounds.RoundState state = rounds.state(oapId, round);
    OperationalAction oa = action(oapId, round, state, report.oaRef());
    List<Problem> problems = problems(oa, report, formProblems);
    Long missed = jdbc.sql("SELECT id FROM oa_report WHERE round_id = ? AND oa_ref = ? AND status = ? "
            + "AND addendum = FALSE").params(state.id(), report.oaRef(), MISSED).query(Long.class).optional()
        .orElseThrow(() -> new RegistryConflictException("OA " + report.oaRef() + " of round " + round
            + " is not recorded as missed"));
    if (!problems.isEmpty()) {
      throw new ReportRejectedException(problems);
    }
    StatusReading status = wordings.read(oapId, report.status());
    if (state.stage() == RoundStage.NOTED) {
      if (!addenda(oapId, round).containsKey(report.oaRef())) {
        long addendum = insert(state.id(), report, status, user, clock.instant(), true);
        insertKpiValues(addendum, report, oa);
        rounds.record(oapId, round, "ADDENDUM", user, "OA " + report.oaRef() + ": reported after COSI took note on "
            + state.cosiNotedOn() + "; kept as an addendum beside the noted record");
        return;
      }
      throw new RegistryConflictException("OA " + report.oaRef() + " of round " + round + " has a late report already");
    }
    jdbc.sql("UPDATE oa_report SET status = ?, written_status = ?, continuing_status = ?, status_reading = ?, "
            + "status_note = ?, progress = ?, human_resources = ?, financial_resources = ?, "
            + "comments = ?, recorded_by = ?, recorded_at = ? WHERE id = ?")
        .params(status.status().name(), status.written(), status.continuing() == null ? null : status.continuing().name(),
            status.reading().name(), status.note(), report.progress(), report.humanResources(),
            report.financialResources(), report.comments(), user, Timestamp.from(clock.instant()), missed)
        .update();
    insertKpiValues(missed, report, oa);
    rounds.record(oapId, round, "LATE_REPORT", user, "OA " + report.oaRef() + ": reported after the deadline");
  }

  /**
   * The deadline passed: every OA of the round without a report is recorded as MISSED (once), and
   * a {@link ReportMissed} is published for each, naming the actors that lead it.
   */
  public List<String> markMissing(long oapId, int round) {
    long roundId = rounds.state(oapId, round).id();
    List<String> missed = new ArrayList<>();
    for (OperationalAction oa : actions(oapId, round)) {
      if (existing(roundId, oa.ref()).isEmpty()) {
        Rows.insert(jdbc, "INSERT INTO oa_report (round_id, oa_ref, status, comments, recorded_by, recorded_at, addendum) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)", roundId, oa.ref(), MISSED, "no report by the deadline", "system",
            Timestamp.from(clock.instant()), false);
        missed.add(oa.ref());
        events.publishEvent(new ReportMissed(oapId, round, oa.ref(), oa.actionLeaders()));
      }
    }
    rounds.record(oapId, round, "REPORTS_MISSED", "system",
        missed.isEmpty() ? "every OA reported" : "no report by the deadline on OA " + String.join(", ", missed));
    return missed;
  }

  @Transactional(readOnly = true)
  public RoundSummary summary(long oapId, int round) {
    return RoundSummary.of(round, actions(oapId, round).stream().map(OperationalAction::ref).toList(),
        reports(oapId, round));
  }

  /** The round's reports (MISSED included) by OA, in the order they were recorded: the round's record. */
  @Transactional(readOnly = true)
  public Map<String, RecordedReport> reports(long oapId, int round) {
    return recorded(oapId, round, false);
  }

  /** The reports delivered after COSI took note of the round, kept beside its record, by OA. */
  @Transactional(readOnly = true)
  public Map<String, RecordedReport> addenda(long oapId, int round) {
    return recorded(oapId, round, true);
  }

  /** The KPIs of a report in the order of their codes as people read them: 1, 2 ... 10 and a, b ... z. */
  static final String KPI_ORDER = "LENGTH(k.kpi_code), k.kpi_code";

  private Map<String, RecordedReport> recorded(long oapId, int round, boolean addenda) {
    long roundId = rounds.state(oapId, round).id();
    KpiRows kpis = new KpiRows();
    jdbc.sql("SELECT " + KpiRows.COLUMNS + " FROM oa_report_kpi k JOIN oa_report r ON r.id = k.report_id "
            + "WHERE r.round_id = ? AND r.addendum = ? ORDER BY " + KPI_ORDER).params(roundId, addenda)
        .query(kpis::add);
    Map<String, RecordedReport> reports = new LinkedHashMap<>();
    jdbc.sql("SELECT * FROM oa_report WHERE round_id = ? AND addendum = ? ORDER BY id").params(roundId, addenda)
        .query(rs -> {
          reports.put(rs.getString("oa_ref"), recorded(rs, kpis));
        });
    return reports;
  }

  /** A row of oa_report with its KPI values (by report id). */
  static RecordedReport recorded(ResultSet rs, KpiRows kpis) throws SQLException {
    String status = rs.getString("status");
    String continuing = rs.getString("continuing_status");
    StatusReading reading = MISSED.equals(status) ? null : new StatusReading(rs.getString("written_status"),
        ReportStatus.valueOf(status), continuing == null ? null : ReportStatus.valueOf(continuing),
        Reading.valueOf(rs.getString("status_reading")), rs.getString("status_note"));
    long id = rs.getLong("id");
    return new RecordedReport(rs.getString("oa_ref"), status, rs.getString("progress"),
        kpis.values.getOrDefault(id, Map.of()), rs.getString("human_resources"),
        rs.getString("financial_resources"), rs.getString("comments"), rs.getString("recorded_by"),
        rs.getTimestamp("recorded_at").toInstant(), reading, kpis.readings.getOrDefault(id, Map.of()));
  }

  /** The KPI values of reports as written and as read, by report id and KPI code, in {@link #KPI_ORDER}. */
  static final class KpiRows {
    static final String COLUMNS = "k.report_id, k.kpi_code, k.kpi_value, k.value_kind, k.value_number, "
        + "k.value_reading, k.value_note";

    final Map<Long, Map<String, String>> values = new HashMap<>();
    final Map<Long, Map<String, KpiValue>> readings = new HashMap<>();

    void add(ResultSet rs) throws SQLException {
      long report = rs.getLong(1);
      values.computeIfAbsent(report, id -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
      if (rs.getString(4) != null) {
        readings.computeIfAbsent(report, id -> new LinkedHashMap<>()).put(rs.getString(2), new KpiValue(rs.getString(3),
            KpiValue.Kind.valueOf(rs.getString(4)), rs.getBigDecimal(5), Reading.valueOf(rs.getString(6)),
            rs.getString(7)));
      }
    }
  }

  /** What the form found reading the report, and what the checks against the OA's KPIs find. */
  private static List<Problem> problems(OperationalAction oa, OaReport report, List<Problem> formProblems) {
    List<Problem> problems = new ArrayList<>(formProblems);
    problems.addAll(OaReportValidator.validate(report, oa.kpis()));
    return problems;
  }

  /** Each value as written, with what was read from it against its KPI. */
  private void insertKpiValues(long reportId, OaReport report, OperationalAction oa) {
    List<Object[]> rows = new ArrayList<>();
    for (Kpi kpi : oa.kpis()) {
      String written = report.kpiValues().get(kpi.code());
      if (written != null) {
        KpiValue value = KpiValue.read(written, OaReportValidator.counts(kpi));
        rows.add(new Object[] {reportId, kpi.code(), value.written(), value.kind().name(), value.number(),
            value.status().name(), value.note()});
      }
    }
    // one statement for all of them
    if (!rows.isEmpty()) {
      jdbcTemplate.batchUpdate("INSERT INTO oa_report_kpi (report_id, kpi_code, kpi_value, value_kind, value_number, "
          + "value_reading, value_note) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
    }
  }

  private Optional<Long> existing(long roundId, String oaRef) {
    return jdbc.sql("SELECT id FROM oa_report WHERE round_id = ? AND oa_ref = ? AND addendum = FALSE")
        .params(roundId, oaRef)
        .query(Long.class).optional();
  }

  private long insert(long roundId, OaReport report, StatusReading status, String user, Instant recordedAt,
                      boolean addendum) {
    return Rows.insert(jdbc, "INSERT INTO oa_report (round_id, oa_ref, status, written_status, continuing_status, "
            + "status_reading, status_note, progress, human_resources, financial_resources, comments, recorded_by, "
            + "recorded_at, addendum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        roundId, report.oaRef(), status.status().name(), status.written(),
        status.continuing() == null ? null : status.continuing().name(), status.reading().name(), status.note(),
        report.progress(), report.humanResources(), report.financialResources(), report.comments(), user,
        Timestamp.from(recordedAt), addendum);
  }

  /** Published inside the transaction that recorded an OA's report as missed. */
  public record ReportMissed(long oapId, int round, String oaRef, List<String> actionLeaders) {}
}
