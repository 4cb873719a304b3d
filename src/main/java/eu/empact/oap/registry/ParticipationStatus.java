package eu.empact.oap.registry;

import eu.empact.oap.shared.TransactionMemo;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether an actor still participates in an OAP, and who leads an OA now. An actor "no longer
 * participant" (the exclusion clause) has every participation of the OAP's current version
 * {@code EXCLUDED} with the reason and date; reinstatement makes them {@code ACTIVE} again. Every
 * change is kept in the participation history. A new leader for an OA whose leader was excluded
 * is recorded beside the version, which itself never changes once adopted.
 */
@Service
@Transactional
public class ParticipationStatus {

  private static final String OF_CURRENT_VERSION = """
      FROM participation p JOIN operational_action oa ON oa.id = p.oa_id
      WHERE oa.version_id = (SELECT id FROM oap_version WHERE oap_id = ? ORDER BY revision DESC FETCH FIRST 1 ROWS ONLY)
      """;

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionMemo memo;

  ParticipationStatus(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, TransactionMemo memo) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
    this.memo = memo;
  }

  /** The OAP's exclusions as a transaction read them: every task of a round asks, until a change is recorded. */
  private record ExcludedIn(long oapId) {}

  /**
   * ACTIVE, or EXCLUDED once the actor is no longer participant (its latest status change says
   * so); empty when it has no part in the OAP's current version.
   */
  @Transactional(readOnly = true)
  public Optional<Participation.Status> status(long oapId, String actor) {
    int parts = jdbc.sql("SELECT COUNT(*) " + OF_CURRENT_VERSION + " AND p.actor_code = ?").params(oapId, actor)
        .query(Integer.class).single();
    if (parts == 0) {
      return Optional.empty();
    }
    return Optional.of(excludedActors(oapId).contains(actor) ? Participation.Status.EXCLUDED
        : Participation.Status.ACTIVE);
  }

  /** The actors whose latest status change in the OAP excluded them. */
  @Transactional(readOnly = true)
  public List<String> excludedActors(long oapId) {
    return memo.get(new ExcludedIn(oapId), () -> readExcludedActors(oapId));
  }

  private List<String> readExcludedActors(long oapId) {
    Map<String, String> latest = new LinkedHashMap<>();
    jdbc.sql("SELECT actor_code, status FROM participation_history WHERE oap_id = ? ORDER BY id").param(oapId)
        .query(rs -> {
          latest.put(rs.getString(1), rs.getString(2));
        });
    return latest.entrySet().stream().filter(e -> e.getValue().equals(Participation.Status.EXCLUDED.name()))
        .map(Map.Entry::getKey).toList();
  }

  /** A new version of the OAP keeps its excluded actors excluded (its participations start active). */
  @EventListener
  public void onVersionCreated(OapVersionCreated created) {
    for (String actor : excludedActors(created.oapId())) {
      List<StatusChange> changes = history(created.oapId(), actor);
      StatusChange exclusion = changes.get(changes.size() - 1);
      update(created.oapId(), actor, Participation.Status.EXCLUDED, exclusion.reason(), Timestamp.from(exclusion.since()));
    }
  }

  public boolean excluded(long oapId, String actor) {
    return status(oapId, actor).filter(s -> s == Participation.Status.EXCLUDED).isPresent();
  }

  /** The actor is no longer participant in the OAP: every participation excluded, with the reason. */
  public void exclude(long oapId, String actor, String reason, String user) {
    change(oapId, actor, Participation.Status.EXCLUDED, reason, user);
    events.publishEvent(new ParticipantExcluded(oapId, actor, reason));
  }

  /** The actor participates again, as it did before its exclusion. */
  public void reinstate(long oapId, String actor, String reason, String user) {
    if (!excluded(oapId, actor)) {
      throw new RegistryConflictException(actor + " is not excluded from OAP " + oapId);
    }
    change(oapId, actor, Participation.Status.ACTIVE, reason, user);
  }

  private void change(long oapId, String actor, Participation.Status status, String reason, String user) {
    if (status(oapId, actor).isEmpty()) {
      throw new NotFoundException(actor + " has no part in OAP " + oapId);
    }
    Timestamp now = Timestamp.from(clock.instant());
    update(oapId, actor, status, reason, now);
    jdbc.sql("INSERT INTO participation_history (oap_id, actor_code, status, reason, since, recorded_by) "
        + "VALUES (?, ?, ?, ?, ?, ?)").params(oapId, actor, status.name(), reason, now, user).update();
    memo.forget(new ExcludedIn(oapId)::equals);
  }

  /** The actor's participations in the current version take the status. */
  private void update(long oapId, String actor, Participation.Status status, String reason, Timestamp since) {
    jdbc.sql("UPDATE participation SET status = ?, status_reason = ?, status_since = ? WHERE actor_code = ? AND oa_id IN "
            + "(SELECT oa.id FROM operational_action oa WHERE oa.version_id = (SELECT id FROM oap_version "
            + "WHERE oap_id = ? ORDER BY revision DESC FETCH FIRST 1 ROWS ONLY))")
        .params(status.name(), reason, since, actor, oapId).update();
  }

  @Transactional(readOnly = true)
  public List<StatusChange> history(long oapId, String actor) {
    return jdbc.sql("SELECT * FROM participation_history WHERE oap_id = ? AND actor_code = ? ORDER BY id")
        .params(oapId, actor)
        .query((rs, n) -> new StatusChange(Participation.Status.valueOf(rs.getString("status")), rs.getString("reason"),
            rs.getTimestamp("since").toInstant(), rs.getString("recorded_by")))
        .list();
  }

  /** The OAs of the current version the actor leads (as the version names it). */
  @Transactional(readOnly = true)
  public List<String> ledBy(long oapId, String actor) {
    return jdbc.sql("SELECT oa.ref " + OF_CURRENT_VERSION + " AND p.actor_code = ? AND p.role = 'LEADER' ORDER BY oa.id")
        .params(oapId, actor).query(String.class).list();
  }

  /** How many OAs the current version has. */
  @Transactional(readOnly = true)
  public int actions(long oapId) {
    return jdbc.sql("SELECT COUNT(*) FROM operational_action WHERE version_id = (SELECT id FROM oap_version "
        + "WHERE oap_id = ? ORDER BY revision DESC FETCH FIRST 1 ROWS ONLY)").param(oapId).query(Integer.class).single();
  }

  /**
   * Who leads an OA now: the leaders its version names, without those no longer participant,
   * with the new leaders named in their place.
   */
  @Transactional(readOnly = true)
  public List<String> currentLeaders(long oapId, String oaRef, List<String> versionLeaders) {
    List<String> excluded = excludedActors(oapId);
    List<String> leaders = new ArrayList<>(versionLeaders.stream().filter(leader -> !excluded.contains(leader)).toList());
    jdbc.sql("SELECT new_leader FROM oa_leader_change WHERE oap_id = ? AND oa_ref = ? ORDER BY id")
        .params(oapId, oaRef).query(String.class).list().stream()
        .filter(leader -> !leaders.contains(leader) && !excluded.contains(leader)).forEach(leaders::add);
    return leaders;
  }

  /** Who leads the OA of the current version now ({@link #currentLeaders}, from the leaders the version names). */
  @Transactional(readOnly = true)
  public List<String> leadersNow(long oapId, String oaRef) {
    return currentLeaders(oapId, oaRef, jdbc.sql("SELECT p.actor_code " + OF_CURRENT_VERSION
        + " AND oa.ref = ? AND p.role = 'LEADER' ORDER BY p.position").params(oapId, oaRef).query(String.class).list());
  }

  /**
   * The OAs the actor leads that have no other leader now (every other leader no longer participant,
   * and none named in its place): those whose delivery depends on the actor alone.
   */
  @Transactional(readOnly = true)
  public List<String> ledAlone(long oapId, String actor) {
    return ledBy(oapId, actor).stream()
        .filter(ref -> leadersNow(oapId, ref).stream().allMatch(actor::equals)).toList();
  }

  /** A new leader for an OA whose leader is no longer participant. */
  public void replaceLeader(long oapId, String oaRef, String replaces, String newLeader, String user, String reason) {
    jdbc.sql("INSERT INTO oa_leader_change (oap_id, oa_ref, replaces, new_leader, changed_by, changed_at, reason) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(oapId, oaRef, replaces, newLeader, user, Timestamp.from(clock.instant()), reason).update();
    events.publishEvent(new ActionLeadersAssigned(oapId, oaRef, List.of(newLeader)));
  }

  /** One change of an actor's participation status. */
  public record StatusChange(Participation.Status status, String reason, Instant since, String recordedBy) {}

  /** Published inside the transaction that made an actor no longer participant in an OAP. */
  public record ParticipantExcluded(long oapId, String actor, String reason) {}
}
