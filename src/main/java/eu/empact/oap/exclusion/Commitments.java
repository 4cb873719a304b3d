package eu.empact.oap.exclusion;

import eu.empact.oap.registry.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of missed commitments per actor and OAP: each recorded once, attached to the
 * escalation running for that actor (if any), and marked fulfilled when what was missing arrives.
 */
@Service
@Transactional
public class Commitments {

  private final JdbcClient jdbc;
  private final Clock clock;

  Commitments(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Records a missed commitment (once); returns whether it is new. A missed report is one commitment
   * of the OA, shared by its leaders: each leader's record of it carries the same key
   * ({@link #fulfil}).
   */
  public boolean record(long oapId, String actor, Commitment.Kind kind, String reference, Integer round, String oaRef) {
    if (jdbc.sql("SELECT COUNT(*) FROM missed_commitment WHERE oap_id = ? AND actor_code = ? AND kind = ? "
        + "AND reference = ?").params(oapId, actor, kind.name(), reference).query(Integer.class).single() > 0) {
      return false;
    }
    // a concurrent record of the same miss fails on the unique key and its transaction rolls back
    String shared = kind == Commitment.Kind.LEADER_REPORT ? oapId + ":" + round + ":" + oaRef : null;
    jdbc.sql("INSERT INTO missed_commitment (oap_id, actor_code, kind, reference, round_number, oa_ref, missed_at, "
            + "shared_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(oapId, actor, kind.name(), reference, round, oaRef, now(), shared).update();
    return true;
  }

  /** Every missed commitment of the actor in the OAP, oldest first. */
  @Transactional(readOnly = true)
  public List<Commitment> of(long oapId, String actor) {
    return jdbc.sql("SELECT * FROM missed_commitment WHERE oap_id = ? AND actor_code = ? ORDER BY id")
        .params(oapId, actor).query(Commitments::commitment).list();
  }

  /** The missed commitments an escalation is about, oldest first. */
  @Transactional(readOnly = true)
  public List<Commitment> ofEscalation(long escalationId) {
    return jdbc.sql("SELECT * FROM missed_commitment WHERE escalation_id = ? ORDER BY id").param(escalationId)
        .query(Commitments::commitment).list();
  }

  /** Missed and not fulfilled, not yet part of any escalation: what counts toward starting one. */
  @Transactional(readOnly = true)
  public List<Commitment> unescalated(long oapId, String actor) {
    return of(oapId, actor).stream().filter(c -> c.escalationId() == null && !c.fulfilled()).toList();
  }

  /** Attaches the actor's unescalated missed commitments to its escalation; returns them. */
  public List<Commitment> attach(long oapId, String actor, long escalationId) {
    List<Commitment> attached = unescalated(oapId, actor);
    attached.forEach(c -> jdbc.sql("UPDATE missed_commitment SET escalation_id = ? WHERE id = ?")
        .params(escalationId, c.id()).update());
    return attached;
  }

  public Commitment find(long id) {
    return jdbc.sql("SELECT * FROM missed_commitment WHERE id = ?").param(id).query(Commitments::commitment)
        .optional().orElseThrow(() -> new NotFoundException("no missed commitment " + id));
  }

  /**
   * What was missing arrived. A shared commitment (a missed report of an OA with several leaders)
   * is fulfilled for every leader by whichever delivers it; returns the other leaders' records it
   * fulfilled.
   */
  public List<Commitment> fulfil(long id, String user, String fulfilment) {
    Commitment delivered = find(id);
    jdbc.sql("UPDATE missed_commitment SET fulfilled_at = ?, fulfilled_by = ?, fulfilment = ? WHERE id = ? "
        + "AND fulfilled_at IS NULL").params(now(), user, fulfilment, id).update();
    List<Commitment> shared = sharers(delivered).stream().filter(c -> !c.fulfilled()).toList();
    String byCoLeader = "delivered by " + delivered.actor() + ", which leads the OA too: " + fulfilment;
    shared.forEach(c -> jdbc.sql("UPDATE missed_commitment SET fulfilled_at = ?, fulfilled_by = ?, fulfilment = ? "
        + "WHERE id = ? AND fulfilled_at IS NULL").params(now(), user, byCoLeader.length() > 4000
        ? byCoLeader.substring(0, 3997) + "..." : byCoLeader, c.id()).update());
    return shared.stream().map(c -> find(c.id())).toList();
  }

  /** The other leaders' records of the same shared commitment (none for a commitment of one actor). */
  @Transactional(readOnly = true)
  public List<Commitment> sharers(Commitment commitment) {
    return jdbc.sql("SELECT * FROM missed_commitment WHERE shared_key = (SELECT shared_key FROM missed_commitment "
            + "WHERE id = ?) AND id <> ? ORDER BY id").params(commitment.id(), commitment.id())
        .query(Commitments::commitment).list();
  }

  /** The missed report on this OA in this round, if the actor was recorded as missing it. */
  @Transactional(readOnly = true)
  public Optional<Commitment> missedReport(long oapId, String actor, int round, String oaRef) {
    return of(oapId, actor).stream().filter(c -> c.kind() == Commitment.Kind.LEADER_REPORT
        && Integer.valueOf(round).equals(c.round()) && oaRef.equals(c.oaRef())).findFirst();
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private static Commitment commitment(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Commitment(rs.getLong("id"), rs.getLong("oap_id"), rs.getString("actor_code"),
        Commitment.Kind.valueOf(rs.getString("kind")), rs.getString("reference"), (Integer) rs.getObject("round_number"),
        rs.getString("oa_ref"), rs.getTimestamp("missed_at").toInstant(),
        rs.getObject("escalation_id") == null ? null : rs.getLong("escalation_id"),
        rs.getTimestamp("fulfilled_at") == null ? null : rs.getTimestamp("fulfilled_at").toInstant(),
        rs.getString("fulfilled_by"), rs.getString("fulfilment"));
  }
}
