package eu.empact.oap.exclusion;

import eu.empact.oap.registry.NotFoundException;
import eu.empact.oap.registry.RegistryConflictException;
import eu.empact.oap.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalations of the exclusion clause: one running per actor and OAP (a unique key while it
 * runs), what happened in each, the DMN proposal and the Driver's assessment, and the outcome.
 */
@Service
@Transactional
public class Escalations {

  private final JdbcClient jdbc;
  private final Commitments commitments;
  private final Clock clock;

  Escalations(JdbcClient jdbc, Commitments commitments, Clock clock) {
    this.jdbc = jdbc;
    this.commitments = commitments;
    this.clock = clock;
  }

  /** Opens the actor's escalation with its missed commitments so far; refused while one runs. */
  public long open(long oapId, String actor, String reason, String user, String processInstanceId) {
    Optional<Escalation> running = running(oapId, actor);
    if (running.isPresent()) {
      throw new RegistryConflictException("an escalation for " + actor + " in OAP " + oapId
          + " is already running (process instance " + running.get().processInstanceId() + ")");
    }
    long id;
    try {
      id = Rows.insert(jdbc, "INSERT INTO escalation (oap_id, actor_code, running_key, started_by, started_at, reason, "
              + "process_instance_id, exhortations) VALUES (?, ?, ?, ?, ?, ?, ?, 0)", oapId, actor,
          runningKey(oapId, actor), user, now(), reason, processInstanceId);
    } catch (DuplicateKeyException raced) {
      throw new RegistryConflictException("an escalation for " + actor + " in OAP " + oapId
          + " was opened at the same moment");
    }
    List<Commitment> attached = commitments.attach(oapId, actor, id);
    record(id, "OPENED", user, reason + (attached.isEmpty() ? "" : "; missed: "
        + String.join("; ", attached.stream().map(Commitment::reference).toList())));
    return id;
  }

  /** The process started for an escalation the starter opened takes it over (once). */
  public boolean takeOver(long id, long oapId, String actor, String processInstanceId) {
    return jdbc.sql("UPDATE escalation SET process_instance_id = ? WHERE id = ? AND oap_id = ? AND actor_code = ? "
            + "AND running_key IS NOT NULL AND process_instance_id IS NULL")
        .params(processInstanceId, id, oapId, actor).update() == 1;
  }

  @Transactional(readOnly = true)
  public Optional<Escalation> running(long oapId, String actor) {
    return jdbc.sql("SELECT * FROM escalation WHERE running_key = ?").param(runningKey(oapId, actor))
        .query(Escalations::escalation).optional();
  }

  @Transactional(readOnly = true)
  public Escalation find(long id) {
    return jdbc.sql("SELECT * FROM escalation WHERE id = ?").param(id).query(Escalations::escalation).optional()
        .orElseThrow(() -> new NotFoundException("no escalation " + id));
  }

  @Transactional(readOnly = true)
  public List<Escalation> of(long oapId) {
    return jdbc.sql("SELECT * FROM escalation WHERE oap_id = ? ORDER BY id").param(oapId)
        .query(Escalations::escalation).list();
  }

  /** The Driver sent exhortation number n; returns n. */
  public int exhorted(long id, String user, String text) {
    jdbc.sql("UPDATE escalation SET exhortations = exhortations + 1 WHERE id = ?").param(id).update();
    int number = find(id).exhortations();
    record(id, "EXHORTATION_" + number, user, text);
    return number;
  }

  public void proposed(long id, boolean jeopardises, String rationale) {
    jdbc.sql("UPDATE escalation SET proposal = ?, proposal_reason = ? WHERE id = ?").params(jeopardises, rationale, id)
        .update();
    record(id, "PROPOSAL", "system", (jeopardises ? "jeopardises" : "does not jeopardise") + ": " + rationale);
  }

  public void assessed(long id, boolean jeopardises, String reason, String user) {
    jdbc.sql("UPDATE escalation SET assessment = ?, assessment_reason = ?, assessed_by = ? WHERE id = ?")
        .params(jeopardises, reason, user, id).update();
    Escalation escalation = find(id);
    record(id, "ASSESSMENT", user, (jeopardises ? "jeopardises" : "does not jeopardise")
        + (Boolean.valueOf(jeopardises).equals(escalation.proposal()) ? " (as proposed)" : " (proposal overridden)")
        + (reason == null ? "" : ": " + reason));
  }

  /** The escalation ends; the actor may be escalated again for new misses. */
  public void close(long id, Escalation.Outcome outcome, String user, String details) {
    jdbc.sql("UPDATE escalation SET running_key = NULL, outcome = ?, closed_at = ? WHERE id = ? AND running_key IS NOT NULL")
        .params(outcome.name(), now(), id).update();
    record(id, "CLOSED_" + outcome.name(), user, details);
  }

  public void record(long id, String event, String user, String details) {
    jdbc.sql("INSERT INTO escalation_event (escalation_id, event, recorded_by, recorded_at, details) "
        + "VALUES (?, ?, ?, ?, ?)").params(id, event, user, now(), details).update();
  }

  /** The explanations given since the latest exhortation, each "commitment (who): why". */
  @Transactional(readOnly = true)
  public List<String> explanationsSinceLastExhortation(long id) {
    List<String> explanations = new ArrayList<>();
    for (EscalationEvent event : history(id)) {
      if (event.event().startsWith("EXHORTATION_")) {
        explanations.clear();
      } else if (event.event().equals("EXPLANATION")) {
        explanations.add(event.details().replaceFirst(": ", " (" + event.user() + "): "));
      }
    }
    return explanations;
  }

  @Transactional(readOnly = true)
  public List<EscalationEvent> history(long id) {
    return jdbc.sql("SELECT * FROM escalation_event WHERE escalation_id = ? ORDER BY id").param(id)
        .query((rs, n) -> new EscalationEvent(rs.getString("event"), rs.getString("recorded_by"),
            rs.getTimestamp("recorded_at").toInstant(), rs.getString("details")))
        .list();
  }

  private static String runningKey(long oapId, String actor) {
    return oapId + ":" + actor;
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private static Escalation escalation(ResultSet rs, int row) throws SQLException {
    return new Escalation(rs.getLong("id"), rs.getLong("oap_id"), rs.getString("actor_code"),
        rs.getString("running_key") != null, rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
        rs.getString("reason"), rs.getString("process_instance_id"), rs.getInt("exhortations"),
        (Boolean) rs.getObject("proposal"), rs.getString("proposal_reason"), (Boolean) rs.getObject("assessment"),
        rs.getString("assessment_reason"), rs.getString("assessed_by"),
        rs.getString("outcome") == null ? null : Escalation.Outcome.valueOf(rs.getString("outcome")),
        rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant());
  }

  /** Something that happened in an escalation. */
  public record EscalationEvent(String event, String user, Instant at, String details) {}
}
