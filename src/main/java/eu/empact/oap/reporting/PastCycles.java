package eu.empact.oap.reporting;

import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapDocument.StrategicGoal;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.Problem;
import eu.empact.oap.registry.RegistryConflictException;
import eu.empact.oap.registry.RegistryViews.VersionContentView;
import eu.empact.oap.registry.VersionStatus;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An OAP registered with its past (ADR 14): adopted on a day by a Council document, before it came
 * into the registry, and the record of its past rounds as the documents of the time give it (the
 * 2012 monitoring, the 2013 final reports). Nothing of it asks anybody anything: no process, task,
 * timer, reminder or escalation; the rounds show in the reporting plan, the round documents and the
 * fact sheets as recorded history. Statuses and KPI values are read as any report's.
 */
@Service
@Transactional
public class PastCycles {

  private final JdbcClient jdbc;
  private final OapRegistry registry;
  private final ReportingRounds rounds;
  private final OaReports reports;
  private final Clock clock;

  PastCycles(JdbcClient jdbc, OapRegistry registry, ReportingRounds rounds, OaReports reports, Clock clock) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.rounds = rounds;
    this.reports = reports;
    this.clock = clock;
  }

  /**
   * The OAP's current version was adopted on a day (by a Council document): it becomes ADOPTED now,
   * with that said, and its rounds are planned, those whose deadline passed as
   * {@link RoundStage#NOT_RECORDED} (never NOT_HELD). Refused with every problem if a date is
   * missing or in the future; 409 if the OAP was adopted already.
   */
  public PastAdoption registerAdoption(long oapId, PastAdoption adoption, String user) {
    List<Problem> problems = new ArrayList<>();
    LocalDate today = today();
    required(problems, "adoptedOn", adoption.adoptedOn());
    past(problems, "adoptedOn", adoption.adoptedOn(), today);
    text(problems, "councilDocument", adoption.councilDocument(), false, 32);
    past(problems, "councilDocumentDate", adoption.councilDocumentDate(), today);
    if (!problems.isEmpty()) {
      throw new ReportRejectedException(problems);
    }
    int revision = registry.summary(oapId).revision();
    if (registry.versions(oapId).stream().anyMatch(version -> version.status() == VersionStatus.ADOPTED
        || version.status() == VersionStatus.SUPERSEDED)) {
      throw new RegistryConflictException("OAP " + oapId + " was adopted already; its past is registered before");
    }
    VersionStatus status = registry.summary(oapId).status();
    if (status != VersionStatus.DRAFT) {
      throw new RegistryConflictException("OAP " + oapId + " REV " + revision + " is " + status
          + ": it is in the adoption procedure, not an OAP of the past");
    }
    List<ReportingRound> planned = rounds.planPast(oapId);
    jdbc.sql("INSERT INTO past_adoption (oap_id, revision, adopted_on, council_document, council_document_date, "
            + "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(oapId, revision, Date.valueOf(adoption.adoptedOn()), trimmed(adoption.councilDocument()),
            adoption.councilDocumentDate() == null ? null : Date.valueOf(adoption.councilDocumentDate()), user,
            Timestamp.from(clock.instant()))
        .update();
    registry.changeStatus(oapId, revision, VersionStatus.ADOPTED, user, "registered with its past: adopted on "
        + adoption.adoptedOn() + (adoption.councilDocument() == null || adoption.councilDocument().isBlank() ? ""
        : " by Council document " + adoption.councilDocument().trim())
        + (adoption.councilDocumentDate() == null ? "" : " of " + adoption.councilDocumentDate()));
    rounds.schedule(oapId, planned);
    return adoption(oapId).orElseThrow();
  }

  /** How the OAP was adopted, if it was registered with its past. */
  @Transactional(readOnly = true)
  public java.util.Optional<PastAdoption> adoption(long oapId) {
    return jdbc.sql("SELECT adopted_on, council_document, council_document_date FROM past_adoption WHERE oap_id = ?")
        .param(oapId).query((rs, n) -> new PastAdoption(rs.getDate(1).toLocalDate(), rs.getString(2),
            rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate())).optional();
  }

  /**
   * Registers the record of a past round from the documents: the NEC meeting, the Council document
   * and COSI as far as known, the Driver's assessments per goal, and the reports as written. OAs
   * the documents give no report for stay without one (counted missing, never MISSED: nobody is
   * escalated for the past). Refused whole, with every problem named by its OA ref and field.
   */
  public void recordRound(long oapId, int number, PastRound past, String user) {
    ReportingRounds.RoundState state = rounds.state(oapId, number);
    if (state.stage() != RoundStage.NOT_RECORDED) {
      throw new RegistryConflictException("round " + number + " of OAP " + oapId + " is " + state.stage()
          + ": only a round of an OAP registered with its past, not recorded yet, takes its record");
    }
    int revision = jdbc.sql("SELECT revision FROM past_adoption WHERE oap_id = ?").param(oapId).query(Integer.class)
        .single();
    VersionContentView version = registry.content(oapId, revision);
    List<Problem> problems = new ArrayList<>();
    LocalDate today = today();
    past(problems, "necMetOn", past.necMetOn(), today);
    text(problems, "councilDocument", past.councilDocument(), false, 32);
    past(problems, "councilDocumentDate", past.councilDocumentDate(), today);
    text(problems, "submittedTo", past.submittedTo(), false, 200);
    past(problems, "cosiNotedOn", past.cosiNotedOn(), today);
    Map<Integer, String> assessments = new TreeMap<>(past.assessments() == null ? Map.of() : past.assessments());
    Set<Integer> goals = new HashSet<>(version.strategicGoals().stream().map(StrategicGoal::number).toList());
    assessments.forEach((goal, text) -> {
      if (!goals.contains(goal)) {
        problems.add(new Problem("assessments.SG " + goal, "the OAP has no strategic goal SG " + goal));
      } else {
        text(problems, "assessments.SG " + goal, text, true, 4000);
      }
    });
    List<OaReport> given = past.reports() == null ? List.of() : past.reports();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      OaReport report = given.get(i);
      String at = "reports[" + (report.oaRef() == null ? String.valueOf(i) : "OA " + report.oaRef()) + "]";
      OperationalAction oa = report.oaRef() == null ? null : version.operationalActions().stream()
          .filter(action -> action.ref().equals(report.oaRef())).findFirst().orElse(null);
      if (oa == null) {
        problems.add(new Problem(at + ".oaRef", report.oaRef() == null ? "required"
            : "REV " + revision + " of the OAP has no OA " + report.oaRef()));
        continue;
      }
      if (!seen.add(oa.ref())) {
        problems.add(new Problem(at + ".oaRef", "OA " + oa.ref() + " has a report above already"));
        continue;
      }
      OaReportValidator.validate(report, oa.kpis(), true)
          .forEach(problem -> problems.add(new Problem(at + "." + problem.path(), problem.reason())));
    }
    if (!problems.isEmpty()) {
      throw new ReportRejectedException(problems);
    }
    Instant now = clock.instant();
    long roundId = state.id();
    for (OaReport report : given) {
      OperationalAction oa = version.operationalActions().stream().filter(a -> a.ref().equals(report.oaRef()))
          .findFirst().orElseThrow();
      reports.recordPast(oapId, roundId, oa, report, user, now);
    }
    assessments.forEach((goal, text) -> jdbc.sql("INSERT INTO round_assessment (round_id, edition, goal_number, "
            + "assessment, written_by, written_at) VALUES (?, 1, ?, ?, ?, ?)")
        .params(roundId, goal, text.trim(), user, Timestamp.from(now)).update());
    rounds.recordPast(oapId, number, revision, past, user, "registered from the documents"
        + (trimmed(past.councilDocument()) == null ? "" : " (Council document " + past.councilDocument().trim() + ")")
        + ": " + given.size() + " report(s) of " + version.operationalActions().size() + " OA(s)");
  }

  private static String trimmed(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static void required(List<Problem> problems, String field, Object value) {
    if (value == null) {
      problems.add(new Problem(field, "required"));
    }
  }

  private static void past(List<Problem> problems, String field, LocalDate day, LocalDate today) {
    if (day != null && day.isAfter(today)) {
      problems.add(new Problem(field, day + " is in the future; a past cycle records what happened"));
    }
  }

  private static void text(List<Problem> problems, String field, String value, boolean required, int maxLength) {
    if (OaReportValidator.text(problems, field, value, required) && value.trim().length() > maxLength) {
      problems.add(new Problem(field, "must be at most " + maxLength + " characters long"));
    }
  }

  /**
   * How an OAP registered with its past was adopted: the day, and the Council document (number,
   * date) where the documents name it (they do not always: "agreed by COSI and initiated on 1st
   * January 2013").
   */
  public record PastAdoption(LocalDate adoptedOn, String councilDocument, LocalDate councilDocumentDate) {}

  /**
   * The record of a past round as the documents give it: when the NECs met on it, the Council
   * document it went to COSI under (number, date, body), when COSI took note, the Driver's
   * assessment per strategic goal, and the Action Leaders' reports as written.
   */
  public record PastRound(LocalDate necMetOn, String councilDocument, LocalDate councilDocumentDate,
                          String submittedTo, LocalDate cosiNotedOn, Map<Integer, String> assessments,
                          List<OaReport> reports) {}
}
