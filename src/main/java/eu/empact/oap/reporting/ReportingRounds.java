package eu.empact.oap.reporting;

import eu.empact.oap.registry.NotFoundException;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.OapVersionAdopted;
import eu.empact.oap.registry.Period;
import eu.empact.oap.registry.RegistryConflictException;
import eu.empact.oap.registry.RegistryViews.VersionView;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.shared.TransactionMemo;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reporting rounds of an adopted OAP: planned when it is adopted, opened on their date, and
 * moved from stage to stage with a record of everything that happened to them. Time is the
 * application's one {@link Clock}, the engine's, so that rounds, timers and due dates agree.
 */
@Service
@Transactional
public class ReportingRounds {

  private final JdbcClient jdbc;
  private final RoundPlanner planner;
  private final OapRegistry registry;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionMemo memo;

  ReportingRounds(JdbcClient jdbc, RoundPlanner planner, OapRegistry registry, ApplicationEventPublisher events,
                  Clock clock, TransactionMemo memo) {
    this.jdbc = jdbc;
    this.planner = planner;
    this.registry = registry;
    this.events = events;
    this.clock = clock;
    this.memo = memo;
  }

  /** What a transaction read of an OAP's rounds (each round's tasks ask again and again), until it writes one. */
  private sealed interface Read {
    long oapId();
  }

  private record RoundsOf(long oapId) implements Read {}

  private record StateOf(long oapId, int number) implements Read {}

  /**
   * When a version is adopted, its OAP's rounds are planned over the period (once). A round whose
   * deadline passed before the adoption is not held; the others are announced to be scheduled.
   */
  @EventListener
  public void onAdopted(OapVersionAdopted adopted) {
    if (!rounds(adopted.oapId()).isEmpty()) {
      return;
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<ReportingRound> held = proposed(adopted.oapId()).stream()
        .map(round -> round.deadline().isBefore(today) ? round.withStage(RoundStage.NOT_HELD) : round)
        .peek(round -> insert(adopted.oapId(), round))
        .filter(round -> round.stage() == RoundStage.PLANNED)
        .toList();
    events.publishEvent(new RoundsPlanned(adopted.oapId(), held));
  }

  /**
   * Plans the rounds of an OAP registered with its past, before its version is marked adopted: a
   * round whose deadline has passed is {@link RoundStage#NOT_RECORDED}, its record to be registered
   * from the documents, never {@code NOT_HELD}; later rounds are planned and scheduled as usual.
   */
  List<ReportingRound> planPast(long oapId) {
    if (!rounds(oapId).isEmpty()) {
      throw new RegistryConflictException("OAP " + oapId + " has its reporting rounds already (it was adopted)");
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<ReportingRound> planned = proposed(oapId).stream()
        .map(round -> round.deadline().isBefore(today) ? round.withStage(RoundStage.NOT_RECORDED) : round)
        .peek(round -> insert(oapId, round)).toList();
    return planned;
  }

  /** Announces the rounds of a past registration that are still to come, to be scheduled. */
  void schedule(long oapId, List<ReportingRound> planned) {
    events.publishEvent(new RoundsPlanned(oapId, planned.stream()
        .filter(round -> round.stage() == RoundStage.PLANNED).toList()));
  }

  /** A past round's record registered from the documents: the round is {@link RoundStage#RECORDED}. */
  void recordPast(long oapId, int number, int revision, PastCycles.PastRound past, String user, String details) {
    long id = state(oapId, number).id();
    jdbc.sql("UPDATE reporting_round SET stage = ?, revision = ?, nec_met_on = ?, council_document = ?, "
            + "council_document_date = ?, submitted_to = ?, cosi_noted_on = ? WHERE id = ?")
        .params(RoundStage.RECORDED.name(), revision, sqlDate(past.necMetOn()), past.councilDocument(),
            sqlDate(past.councilDocumentDate()), past.submittedTo(), sqlDate(past.cosiNotedOn()), id)
        .update();
    written(oapId);
    record(id, "RECORDED_AS_HISTORY", user, details);
  }

  private static Date sqlDate(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }

  private void insert(long oapId, ReportingRound round) {
    jdbc.sql("INSERT INTO reporting_round (oap_id, number, kind, covers_from, covers_to, opens, deadline, "
            + "annual_fact_sheet, stage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(oapId, round.number(), round.kind().name(), Date.valueOf(round.coversFrom()),
            Date.valueOf(round.coversTo()), Date.valueOf(round.opens()), Date.valueOf(round.deadline()),
            round.annualFactSheet(), round.stage().name())
        .update();
    written(oapId);
  }

  private void written(long oapId) {
    memo.forget(key -> key instanceof Read read && read.oapId() == oapId);
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
    return memo.get(new RoundsOf(oapId), () -> List.copyOf(
        jdbc.sql("SELECT * FROM reporting_round WHERE oap_id = ? ORDER BY number").param(oapId)
            .query((rs, n) -> round(rs)).list()));
  }

  /** A row of reporting_round as the round it plans. */
  static ReportingRound round(ResultSet rs) throws SQLException {
    return new ReportingRound(rs.getInt("number"), ReportingRound.Kind.valueOf(rs.getString("kind")),
        rs.getDate("covers_from").toLocalDate(), rs.getDate("covers_to").toLocalDate(),
        rs.getDate("opens").toLocalDate(), rs.getDate("deadline").toLocalDate(), rs.getBoolean("annual_fact_sheet"),
        RoundStage.valueOf(rs.getString("stage")));
  }

  /** A row of reporting_round as stored: its key, stage, revision and what COSI did with it. */
  static RoundState state(ResultSet rs) throws SQLException {
    return new RoundState(rs.getLong("id"), RoundStage.valueOf(rs.getString("stage")),
        (Integer) rs.getObject("revision"), rs.getString("council_document"), rs.getString("submitted_to"),
        day(rs, "cosi_noted_on"), day(rs, "nec_met_on"), day(rs, "council_document_date"));
  }

  private static LocalDate day(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getDate(column)).map(Date::toLocalDate).orElse(null);
  }

  @Transactional(readOnly = true)
  public ReportingRound round(long oapId, int number) {
    return rounds(oapId).stream().filter(round -> round.number() == number).findFirst()
        .orElseThrow(() -> noRound(oapId, number));
  }

  /**
   * The round opens: it asks about the OAs of the version adopted now, and that stays so even if
   * a later version is adopted while the round runs.
   */
  public void open(long oapId, int number) {
    RoundState row = state(oapId, number);
    if (row.stage() != RoundStage.PLANNED) {
      throw new RegistryConflictException("round " + number + " of OAP " + oapId + " is " + row.stage()
          + ", not waiting to open");
    }
    int adopted = adoptedRevision(oapId)
        .orElseThrow(() -> new RegistryConflictException("OAP " + oapId + " has no adopted version to report on"));
    jdbc.sql("UPDATE reporting_round SET revision = ?, stage = ? WHERE id = ?")
        .params(adopted, RoundStage.COLLECTING.name(), row.id()).update();
    written(oapId);
    record(row.id(), "OPENED", "system", "reports on the OAs of REV " + adopted + " are due by " + round(oapId, number).deadline());
  }

  /** Moves the round to a stage and records why and by whom. */
  public void advance(long oapId, int number, RoundStage stage, String event, String user, String details) {
    long id = state(oapId, number).id();
    jdbc.sql("UPDATE reporting_round SET stage = ? WHERE id = ?").params(stage.name(), id).update();
    written(oapId);
    record(id, event, user, details);
  }

  /**
   * The COSI secretariat put the round's report to COSI Support Group or COSI under a Council
   * document, dated the day this is recorded.
   */
  public void submitToCosi(long oapId, int number, String councilDocument, String body, String user) {
    long id = state(oapId, number).id();
    jdbc.sql("UPDATE reporting_round SET stage = ?, council_document = ?, council_document_date = ?, submitted_to = ? "
            + "WHERE id = ?")
        .params(RoundStage.COSI.name(), councilDocument, Date.valueOf(LocalDate.ofInstant(clock.instant(),
            ZoneOffset.UTC)), body, id).update();
    written(oapId);
    record(id, "SUBMITTED_TO_COSI", user, "submitted to " + body + " as Council document " + councilDocument);
  }

  /** COSI took note of the round's report on that day: the round is closed. */
  public void notedByCosi(long oapId, int number, LocalDate noted, String user) {
    long id = state(oapId, number).id();
    jdbc.sql("UPDATE reporting_round SET stage = ?, cosi_noted_on = ? WHERE id = ?")
        .params(RoundStage.NOTED.name(), Date.valueOf(noted), id).update();
    written(oapId);
    record(id, "NOTED_BY_COSI", user, "COSI took note on " + noted);
  }

  /** Records what happened to the round, without changing its stage. */
  public void record(long oapId, int number, String event, String user, String details) {
    record(state(oapId, number).id(), event, user, details);
  }

  private void record(long roundId, String event, String user, String details) {
    jdbc.sql("INSERT INTO round_event (round_id, event, recorded_by, recorded_at, details) VALUES (?, ?, ?, ?, ?)")
        .params(roundId, event, user, Timestamp.from(clock.instant()), details).update();
  }

  @Transactional(readOnly = true)
  public List<RoundEvent> history(long oapId, int number) {
    return jdbc.sql("SELECT * FROM round_event WHERE round_id = ? ORDER BY id").param(state(oapId, number).id())
        .query((rs, n) -> new RoundEvent(rs.getString("event"), rs.getString("recorded_by"),
            rs.getTimestamp("recorded_at").toInstant(), rs.getString("details")))
        .list();
  }

  /** The round as stored: its key, stage, the version it reports on and what COSI did with it. */
  @Transactional(readOnly = true)
  public RoundState state(long oapId, int number) {
    return memo.get(new StateOf(oapId, number),
            () -> jdbc.sql("SELECT * FROM reporting_round WHERE oap_id = ? AND number = ?").params(oapId, number)
                .query((rs, n) -> state(rs)).optional())
        .orElseThrow(() -> noRound(oapId, number));
  }

  /** The version a round reports on: fixed when it opened; before that, the adopted one. */
  public int revision(long oapId, int number) {
    Integer revision = state(oapId, number).revision();
    if (revision != null) {
      return revision;
    }
    return adoptedRevision(oapId).orElse(registry.summary(oapId).revision());
  }

  /** The latest adopted version of the OAP, if any. */
  private Optional<Integer> adoptedRevision(long oapId) {
    return registry.versions(oapId).stream().filter(v -> v.status() == VersionStatus.ADOPTED)
        .map(VersionView::revision).max(Comparator.naturalOrder());
  }

  static NotFoundException noRound(long oapId, int number) {
    return new NotFoundException("OAP " + oapId + " has no reporting round " + number
        + " (rounds are planned when a version is adopted)");
  }

  /**
   * A round as stored; {@code necMetOn} and {@code councilDocumentDate} are recorded for a past
   * round ({@link PastCycles}), null otherwise.
   */
  public record RoundState(long id, RoundStage stage, Integer revision, String councilDocument, String submittedTo,
                  LocalDate cosiNotedOn, LocalDate necMetOn, LocalDate councilDocumentDate) {}

  /** Published when an OAP's rounds were planned: the rounds to be held. */
  public record RoundsPlanned(long oapId, List<ReportingRound> rounds) {}
}
