package eu.empact.oap.registry;

import eu.empact.oap.shared.Rows;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The NECs' answers on a version: per Member State and OA whether it intends to participate, or
 * "no answer" when the deadline passed first. When the NEC meeting endorses the version, the
 * answers become the participation of the Member States ({@link #endorse}): a ticked OA is a
 * participation stated by the NEC, an OA not ticked is none (a Member State keeps what it leads or
 * co-leads), and a Member State that gave no answer keeps what the OAP's text says, flagged
 * {@link Participation.Source#NOT_STATED}. The revisions made from an endorsed version keep the
 * answers, until a later consultation is endorsed.
 */
@Component
@Transactional
public class NecConsultation {

  /** ANSWERED or NO_ANSWER are recorded; AWAITED is a Member State still asked (the consultation is open). */
  public enum Status { ANSWERED, NO_ANSWER, AWAITED }

  public record Answer(String memberState, Status status, List<String> participatesIn, String comment,
                       String answeredBy, Instant recordedAt) {}

  /** The answers on a version as a matrix: Member States (rows) x OAs (columns, in the order of their refs). */
  public record Matrix(long oapId, int revision, VersionStatus versionStatus, boolean endorsed,
                       List<Column> operationalActions, List<Row> memberStates) {}

  /** An OA of the consulted version with its leaders. */
  public record Column(String ref, String title, List<String> leaders) {}

  /**
   * A Member State's answer: per OA ref (in the columns' order) true (ticked), false (not ticked),
   * or null (no answer, or not asked about this OA).
   */
  public record Row(String memberState, String name, Status status, Map<String, Boolean> participates,
                    String comment, String answeredBy, Instant recordedAt) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final OapRegistry registry;
  private final ActorDirectory actors;
  private final Clock clock;

  NecConsultation(JdbcClient jdbc, JdbcTemplate jdbcTemplate, OapRegistry registry, ActorDirectory actors,
                  Clock clock) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.registry = registry;
    this.actors = actors;
    this.clock = clock;
  }

  public void answer(long oapId, int revision, String memberState, Map<String, Boolean> participation, String comment,
                     String user) {
    long versionId = registry.versionId(oapId, revision);
    long answerId = Rows.insert(jdbc, "INSERT INTO nec_answer (version_id, member_state, status, comment, answered_by, "
            + "recorded_at) VALUES (?, ?, ?, ?, ?, ?)", versionId, memberState, Status.ANSWERED.name(), comment, user,
        Timestamp.from(clock.instant()));
    // the answer's ticks in one statement: 26 OAs, 27 NECs, every OAP
    List<Object[]> rows = new ArrayList<>();
    participation.forEach((ref, participates) -> rows.add(new Object[] {answerId, ref, participates}));
    if (!rows.isEmpty()) {
      jdbcTemplate.batchUpdate("INSERT INTO nec_answer_oa (answer_id, oa_ref, participates) VALUES (?, ?, ?)", rows);
    }
  }

  /**
   * Records "no answer" for every Member State of the OAP's period that did not answer; returns
   * them.
   */
  public List<String> closeWithoutAnswers(long oapId, int revision) {
    long versionId = registry.versionId(oapId, revision);
    List<String> answered = jdbc.sql("SELECT member_state FROM nec_answer WHERE version_id = ?").param(versionId)
        .query(String.class).list();
    List<String> silent = registry.memberStates(oapId).stream().filter(code -> !answered.contains(code)).toList();
    Instant now = clock.instant();
    silent.forEach(code -> jdbc.sql("INSERT INTO nec_answer (version_id, member_state, status, recorded_at) "
        + "VALUES (?, ?, ?, ?)").params(versionId, code, Status.NO_ANSWER.name(), Timestamp.from(now)).update());
    return silent;
  }

  @Transactional(readOnly = true)
  public List<Answer> answers(long oapId, int revision) {
    return answers(registry.versionId(oapId, revision));
  }

  private List<Answer> answers(long versionId) {
    Map<Long, List<String>> participates = new LinkedHashMap<>();
    jdbc.sql("SELECT o.answer_id, o.oa_ref FROM nec_answer_oa o JOIN nec_answer a ON a.id = o.answer_id "
            + "WHERE a.version_id = ? AND o.participates = TRUE").param(versionId)
        .query(rs -> {
          participates.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
        });
    participates.values().forEach(refs -> refs.sort(OaRefs.ORDER));
    return jdbc.sql("SELECT id, member_state, status, comment, answered_by, recorded_at FROM nec_answer "
            + "WHERE version_id = ? ORDER BY member_state").param(versionId)
        .query((rs, n) -> new Answer(rs.getString("member_state"), Status.valueOf(rs.getString("status")),
            participates.getOrDefault(rs.getLong("id"), List.of()), rs.getString("comment"), rs.getString("answered_by"),
            rs.getTimestamp("recorded_at").toInstant()))
        .list();
  }

  /**
   * The answers on the latest version put to the NECs, as a matrix: every Member State of the OAP's
   * period (and any other that answered), every OA of the version. 404 while no version was put to
   * the NECs.
   */
  @Transactional(readOnly = true)
  public Matrix matrix(long oapId) {
    registry.summary(oapId);
    Integer revision = jdbc.sql("""
            SELECT MAX(v.revision) FROM oap_version v WHERE v.oap_id = ? AND (
              EXISTS (SELECT 1 FROM nec_answer a WHERE a.version_id = v.id)
              OR EXISTS (SELECT 1 FROM oap_version_event e WHERE e.version_id = v.id AND e.status = 'UNDER_NEC_DISCUSSION'))""")
        .param(oapId).query(Integer.class).optional().orElse(null);
    if (revision == null) {
      throw new NotFoundException("no version of OAP " + oapId + " was put to the NECs yet");
    }
    long versionId = registry.versionId(oapId, revision);
    Map<String, List<String>> leaders = new LinkedHashMap<>();
    jdbc.sql("SELECT oa.ref, p.actor_code FROM participation p JOIN operational_action oa ON oa.id = p.oa_id "
            + "WHERE oa.version_id = ? AND p.role = 'LEADER' ORDER BY p.position").param(versionId)
        .query(rs -> {
          leaders.computeIfAbsent(rs.getString(1), ref -> new ArrayList<>()).add(rs.getString(2));
        });
    List<Column> columns = new ArrayList<>(jdbc.sql("SELECT ref, title FROM operational_action WHERE version_id = ?")
        .param(versionId)
        .query((rs, n) -> new Column(rs.getString("ref"), rs.getString("title"),
            List.copyOf(leaders.getOrDefault(rs.getString("ref"), List.of()))))
        .list());
    columns.sort((a, b) -> OaRefs.ORDER.compare(a.ref(), b.ref()));
    Map<Long, Map<String, Boolean>> ticks = ticks(versionId);
    Map<String, String> names = new LinkedHashMap<>();
    actors.all().forEach(actor -> names.put(actor.code(), actor.name()));
    Map<String, Row> rows = new LinkedHashMap<>();
    jdbc.sql("SELECT id, member_state, status, comment, answered_by, recorded_at FROM nec_answer WHERE version_id = ?")
        .param(versionId)
        .query(rs -> {
          Map<String, Boolean> given = ticks.getOrDefault(rs.getLong("id"), Map.of());
          Map<String, Boolean> participates = new LinkedHashMap<>();
          columns.forEach(column -> participates.put(column.ref(), given.get(column.ref())));
          String code = rs.getString("member_state");
          rows.put(code, new Row(code, names.getOrDefault(code, code), Status.valueOf(rs.getString("status")), participates,
              rs.getString("comment"), rs.getString("answered_by"), rs.getTimestamp("recorded_at").toInstant()));
        });
    Set<String> memberStates = new LinkedHashSet<>(registry.memberStates(oapId));
    memberStates.addAll(rows.keySet());
    List<Row> matrix = memberStates.stream().sorted().map(code -> rows.computeIfAbsent(code, awaited -> {
      Map<String, Boolean> participates = new LinkedHashMap<>();
      columns.forEach(column -> participates.put(column.ref(), null));
      return new Row(awaited, names.getOrDefault(awaited, awaited), Status.AWAITED, participates, null, null, null);
    })).toList();
    boolean endorsed = jdbc.sql("SELECT COUNT(*) FROM nec_endorsement WHERE version_id = ?").param(versionId)
        .query(Integer.class).single() > 0;
    return new Matrix(oapId, revision, registry.version(oapId, revision).status(), endorsed, List.copyOf(columns),
        matrix);
  }

  /**
   * The NEC meeting endorsed the version: its answers become the participation of the Member
   * States in it (see the class comment). Returns what changed, for the version's record.
   */
  public String endorse(long oapId, int revision, String user) {
    long versionId = registry.versionId(oapId, revision);
    jdbc.sql("INSERT INTO nec_endorsement (version_id, endorsed_by, endorsed_at) VALUES (?, ?, ?)")
        .params(versionId, user, Timestamp.from(clock.instant())).update();
    return apply(versionId, versionId);
  }

  /**
   * A revision made from a version keeps the participation the NECs stated on the latest endorsed
   * version before it. Runs before {@link ParticipationStatus} keeps the excluded actors excluded.
   */
  @EventListener
  @Order(1)
  public void onVersionCreated(OapVersionCreated created) {
    jdbc.sql("""
            SELECT e.version_id FROM nec_endorsement e JOIN oap_version v ON v.id = e.version_id
            WHERE v.oap_id = ? AND v.revision < ? ORDER BY v.revision DESC FETCH FIRST 1 ROWS ONLY""")
        .params(created.oapId(), created.revision()).query(Long.class).optional()
        .ifPresent(endorsed -> apply(endorsed, created.versionId()));
  }

  /** Makes the answers recorded on one version the participation of the Member States in another. */
  private String apply(long answersVersionId, long versionId) {
    Map<String, Long> oas = new LinkedHashMap<>();
    jdbc.sql("SELECT ref, id FROM operational_action WHERE version_id = ?").param(versionId)
        .query(rs -> {
          oas.put(rs.getString(1), rs.getLong(2));
        });
    Map<Long, Map<String, Boolean>> ticks = ticks(answersVersionId);
    // each Member State's role per OA, read once: an answer changes only its own Member State's rows
    Map<OaActor, String> roles = new HashMap<>();
    jdbc.sql("SELECT p.oa_id, p.actor_code, p.role FROM participation p JOIN operational_action oa ON oa.id = p.oa_id "
            + "WHERE oa.version_id = ?").param(versionId)
        .query(rs -> {
          roles.put(new OaActor(rs.getLong(1), rs.getString(2)), rs.getString(3));
        });
    Timestamp now = Timestamp.from(clock.instant());
    int joined = 0;
    int left = 0;
    List<String> notStated = new ArrayList<>();
    for (Answer answer : answers(answersVersionId)) {
      Timestamp stated = Timestamp.from(answer.recordedAt());
      if (answer.status() == Status.NO_ANSWER) {
        int kept = jdbc.sql("UPDATE participation SET source = ?, stated_by = NULL, stated_at = ? WHERE actor_code = ? "
                + "AND role = 'PARTICIPANT' AND oa_id IN (SELECT id FROM operational_action WHERE version_id = ?)")
            .params(Participation.Source.NOT_STATED.name(), stated, answer.memberState(), versionId).update();
        if (kept > 0) {
          notStated.add(answer.memberState());
        }
        continue;
      }
      long answerId = answerId(answersVersionId, answer.memberState());
      for (Map.Entry<String, Boolean> tick : ticks.getOrDefault(answerId, Map.of()).entrySet()) {
        Long oaId = oas.get(tick.getKey());
        if (oaId == null) {
          continue;
        }
        String role = roles.get(new OaActor(oaId, answer.memberState()));
        if (tick.getValue() && role == null) {
          // after every participant and collective form the OA names (they share one order)
          int position = jdbc.sql("SELECT COALESCE(MAX(position) + 1, 0) FROM (SELECT position FROM participation "
                  + "WHERE oa_id = ? UNION ALL SELECT position FROM oa_collective_participant WHERE oa_id = ?) named")
              .params(oaId, oaId).query(Integer.class).single();
          jdbc.sql("INSERT INTO participation (oa_id, actor_code, role, position, status, status_since, source, "
                  + "stated_by, stated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
              .params(oaId, answer.memberState(), Participation.Role.PARTICIPANT.name(), position,
                  Participation.Status.ACTIVE.name(), now, Participation.Source.NEC_ANSWER.name(), answer.answeredBy(),
                  stated).update();
          joined++;
        } else if (tick.getValue() && role.equals(Participation.Role.PARTICIPANT.name())) {
          jdbc.sql("UPDATE participation SET source = ?, stated_by = ?, stated_at = ?, via_collective = NULL "
                  + "WHERE oa_id = ? AND actor_code = ?")
              .params(Participation.Source.NEC_ANSWER.name(), answer.answeredBy(), stated, oaId, answer.memberState())
              .update();
        } else if (!tick.getValue() && Participation.Role.PARTICIPANT.name().equals(role)) {
          jdbc.sql("DELETE FROM participation WHERE oa_id = ? AND actor_code = ?").params(oaId, answer.memberState())
              .update();
          left++;
        }
      }
    }
    return "the NECs' answers are the participation: " + joined + " participation(s) added, " + left
        + " not ticked removed" + (notStated.isEmpty() ? "" : "; not stated, kept as the OAP says: "
        + String.join(", ", notStated));
  }

  /** An actor's place in one OA: the key of a participation. */
  private record OaActor(long oaId, String actor) {}

  private long answerId(long versionId, String memberState) {
    return jdbc.sql("SELECT id FROM nec_answer WHERE version_id = ? AND member_state = ?")
        .params(versionId, memberState).query(Long.class).single();
  }

  /** Per answer, per OA ref, whether the Member State ticked it. */
  private Map<Long, Map<String, Boolean>> ticks(long versionId) {
    Map<Long, Map<String, Boolean>> ticks = new LinkedHashMap<>();
    jdbc.sql("SELECT o.answer_id, o.oa_ref, o.participates FROM nec_answer_oa o JOIN nec_answer a ON a.id = o.answer_id "
            + "WHERE a.version_id = ?").param(versionId)
        .query(rs -> {
          ticks.computeIfAbsent(rs.getLong(1), id -> new LinkedHashMap<>()).put(rs.getString(2), rs.getBoolean(3));
        });
    return ticks;
  }
}
