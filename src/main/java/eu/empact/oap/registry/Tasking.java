package eu.empact.oap.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tasking of an OAP's current version: per actor, the OAs it leads or joins (the "one sheet
 * per MS / per Agency" of the EMPACT Support Unit), and the actor's confirmation of it.
 */
@Component
@Transactional
public class Tasking {

  /**
   * One OA of the sheet: the actor's role in it, its status, where the participation comes from
   * (the OAP's text, its NEC's answer, or not stated: the text kept for a Member State that gave no
   * answer), and its confirmation.
   */
  public record Line(String ref, String title, Participation.Role role, Participation.Status status,
                     Participation.Source source, String statedBy, Instant statedAt, Instant confirmedAt,
                     String confirmedBy, String ledBy) {

    /** The participation was not stated by the NEC: the OAP's text was kept. */
    public boolean notStated() {
      return source == Participation.Source.NOT_STATED;
    }
  }

  public record Sheet(long oapId, String oap, int revision, VersionStatus versionStatus, Actor actor,
                      List<Line> lines) {}

  private static final String OF_CURRENT_VERSION = """
      FROM participation p JOIN operational_action oa ON oa.id = p.oa_id
      WHERE oa.version_id = (SELECT id FROM oap_version WHERE oap_id = ? ORDER BY revision DESC FETCH FIRST 1 ROWS ONLY)
      """;

  private final JdbcClient jdbc;
  private final OapRegistry registry;
  private final ActorDirectory actors;
  private final Clock clock;

  Tasking(JdbcClient jdbc, OapRegistry registry, ActorDirectory actors, Clock clock) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.actors = actors;
    this.clock = clock;
  }

  /** Every actor with an active part in an OA of the current version, by code. */
  @Transactional(readOnly = true)
  public List<String> participatingActors(long oapId) {
    return jdbc.sql("SELECT DISTINCT p.actor_code " + OF_CURRENT_VERSION + " AND p.status = 'ACTIVE' ORDER BY p.actor_code")
        .param(oapId).query(String.class).list();
  }

  /**
   * The actors that lead or co-lead an OA of the current version (not one that is no longer
   * participant): each confirms its part in the leadership (co-leaders are leaders, ADR 0016).
   */
  @Transactional(readOnly = true)
  public List<String> leadingActors(long oapId) {
    return jdbc.sql("SELECT DISTINCT p.actor_code " + OF_CURRENT_VERSION
            + " AND p.role IN ('LEADER', 'CO_LEADER') AND p.status = 'ACTIVE' ORDER BY p.actor_code")
        .param(oapId).query(String.class).list();
  }

  @Transactional(readOnly = true)
  public Sheet sheet(long oapId, String actorSpelling) {
    Actor actor = actors.resolve(actorSpelling)
        .orElseThrow(() -> new NotFoundException("no actor is known as '" + actorSpelling + "'"));
    RegistryViews.OapSummary oap = registry.summary(oapId);
    Map<String, String> ledBy = ledBy(oapId);
    List<Line> lines = jdbc.sql("SELECT oa.ref, oa.title, p.role, p.status, p.source, p.stated_by, p.stated_at, "
            + "p.confirmed_at, p.confirmed_by " + OF_CURRENT_VERSION + " AND p.actor_code = ? ORDER BY oa.position")
        .params(oapId, actor.code())
        .query((rs, n) -> new Line(rs.getString("ref"), rs.getString("title"),
            Participation.Role.valueOf(rs.getString("role")), Participation.Status.valueOf(rs.getString("status")),
            Participation.Source.valueOf(rs.getString("source")), rs.getString("stated_by"),
            instant(rs.getTimestamp("stated_at")), instant(rs.getTimestamp("confirmed_at")),
            rs.getString("confirmed_by"), ledBy.getOrDefault(rs.getString("ref"), "")))
        .list();
    return new Sheet(oapId, oap.displayName(), oap.revision(), oap.status(), actor, lines);
  }

  /**
   * Who leads each OA of the current version, by ref: "IT; co-leaders ES, MT" (active leaders and
   * co-leaders, in the order the OAP names them), so that every sheet names them beside its OAs.
   */
  private Map<String, String> ledBy(long oapId) {
    Map<String, List<String>> leaders = new LinkedHashMap<>();
    Map<String, List<String>> coLeaders = new LinkedHashMap<>();
    jdbc.sql("SELECT oa.ref, p.role, p.actor_code " + OF_CURRENT_VERSION
            + " AND p.role IN ('LEADER', 'CO_LEADER') AND p.status = 'ACTIVE' ORDER BY oa.position, p.position")
        .param(oapId)
        .query((rs, n) -> (rs.getString("role").equals("LEADER") ? leaders : coLeaders)
            .computeIfAbsent(rs.getString("ref"), ref -> new ArrayList<>()).add(rs.getString("actor_code")))
        .list();
    Map<String, String> ledBy = new LinkedHashMap<>();
    leaders.forEach((ref, codes) -> ledBy.put(ref, String.join(", ", codes)));
    coLeaders.forEach((ref, codes) -> ledBy.merge(ref, "co-leaders " + String.join(", ", codes),
        (lead, co) -> lead + "; " + co));
    return ledBy;
  }

  /** The actor confirms every active part it has in the current version. */
  public void confirm(long oapId, String actor, String user) {
    jdbc.sql("UPDATE participation SET confirmed_at = ?, confirmed_by = ? WHERE status = 'ACTIVE' AND actor_code = ? "
            + "AND oa_id IN (SELECT p.oa_id " + OF_CURRENT_VERSION + ")")
        .params(Timestamp.from(clock.instant()), user, actor, oapId).update();
  }

  /** Actors with an active part not confirmed yet. */
  @Transactional(readOnly = true)
  public List<String> unconfirmedActors(long oapId) {
    return jdbc.sql("SELECT DISTINCT p.actor_code " + OF_CURRENT_VERSION
            + " AND p.status = 'ACTIVE' AND p.confirmed_at IS NULL ORDER BY p.actor_code")
        .param(oapId).query(String.class).list();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
